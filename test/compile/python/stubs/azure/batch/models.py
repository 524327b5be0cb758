"""Stub of azure.batch.models with the shape of azure-batch 2.0-14.x: no model takes run_elevated.

Stricter than the real SDK on purpose: an unknown keyword raises TypeError (the real models log
and drop it) and setting an undeclared attribute raises AttributeError, so code still written
for run_elevated fails here instead of silently losing its elevation. Every model built is
recorded in CREATED for the runner to inspect.
"""
from enum import Enum

CREATED = []


class ElevationLevel(str, Enum):
    non_admin = 'nonadmin'
    admin = 'admin'


class AutoUserScope(str, Enum):
    task = 'task'
    pool = 'pool'


class LoginMode(str, Enum):
    batch = 'batch'
    interactive = 'interactive'


class Model:
    """Keyword arguments (or positional ones in declared order) must be declared fields."""

    _fields = ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError('{}() takes at most {} positional arguments'.format(type(self).__name__, len(self._fields)))
        for name in self._fields:
            object.__setattr__(self, name, None)
        for name, value in zip(self._fields, args):
            object.__setattr__(self, name, value)
        for name, value in kwargs.items():
            if name not in self._fields:
                raise TypeError("{}() got an unexpected keyword argument '{}'".format(type(self).__name__, name))
            object.__setattr__(self, name, value)
        CREATED.append(self)

    def __setattr__(self, name, value):
        if name not in self._fields:
            raise AttributeError("'{}' object has no attribute '{}'".format(type(self).__name__, name))
        object.__setattr__(self, name, value)


def _model(name, fields):
    return type(name, (Model,), {'_fields': tuple(fields)})


class AutoUserSpecification(Model):
    _fields = ('scope', 'elevation_level')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.scope is not None and not isinstance(self.scope, AutoUserScope):
            raise TypeError('scope must be an AutoUserScope, got {!r}'.format(self.scope))
        if self.elevation_level is not None and not isinstance(self.elevation_level, ElevationLevel):
            raise TypeError('elevation_level must be an ElevationLevel, got {!r}'.format(self.elevation_level))


class UserIdentity(Model):
    _fields = ('user_name', 'auto_user')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.auto_user is not None and not isinstance(self.auto_user, AutoUserSpecification):
            raise TypeError('auto_user must be an AutoUserSpecification, got {!r}'.format(self.auto_user))


_TASK_FIELDS = ('id', 'command_line', 'display_name', 'resource_files', 'output_files', 'environment_settings',
                'constraints', 'user_identity', 'container_settings')

TaskAddParameter = _model('TaskAddParameter', _TASK_FIELDS + ('affinity_info', 'multi_instance_settings', 'depends_on'))
CloudTask = _model('CloudTask', _TASK_FIELDS)
StartTask = _model('StartTask', ('command_line', 'resource_files', 'environment_settings', 'user_identity',
                                 'max_task_retry_count', 'wait_for_success', 'container_settings'))
JobManagerTask = _model('JobManagerTask', _TASK_FIELDS + ('kill_job_on_completion', 'run_exclusive'))
JobPreparationTask = _model('JobPreparationTask', ('id', 'command_line', 'resource_files', 'environment_settings', 'constraints',
                                                   'wait_for_success', 'user_identity', 'rerun_on_node_reboot_after_success'))
JobReleaseTask = _model('JobReleaseTask', ('id', 'command_line', 'resource_files', 'environment_settings', 'max_wall_clock_time',
                                           'retention_time', 'user_identity'))
TASK_TYPES = (TaskAddParameter, CloudTask, StartTask, JobManagerTask, JobPreparationTask, JobReleaseTask)

LinuxUserConfiguration = _model('LinuxUserConfiguration', ('uid', 'gid', 'ssh_private_key'))
WindowsUserConfiguration = _model('WindowsUserConfiguration', ('login_mode',))
UserAccount = _model('UserAccount', ('name', 'password', 'elevation_level', 'linux_user_configuration', 'windows_user_configuration'))
ImageReference = _model('ImageReference', ('publisher', 'offer', 'sku', 'version'))
VirtualMachineConfiguration = _model('VirtualMachineConfiguration', ('image_reference', 'node_agent_sku_id'))
PoolAddParameter = _model('PoolAddParameter', ('id', 'vm_size', 'display_name', 'virtual_machine_configuration',
                                               'target_dedicated_nodes', 'start_task', 'user_accounts', 'enable_inter_node_communication'))
PoolInformation = _model('PoolInformation', ('pool_id', 'auto_pool_specification'))
JobAddParameter = _model('JobAddParameter', ('id', 'display_name', 'pool_info', 'job_manager_task', 'job_preparation_task',
                                             'job_release_task', 'constraints'))
ResourceFile = _model('ResourceFile', ('http_url', 'file_path', 'blob_source', 'file_mode'))
EnvironmentSetting = _model('EnvironmentSetting', ('name', 'value'))
TaskConstraints = _model('TaskConstraints', ('max_wall_clock_time', 'retention_time', 'max_task_retry_count'))
