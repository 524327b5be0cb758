"""Runs Python code and REST/ARM bodies against the real Azure Batch SDKs that Debian's python3-azure
ships, and reports, as JSON, what the SDK makes of them.

The SDKs: azure-batch 13 (msrest models in azure.batch.models: lower-case enum members such as
ElevationLevel.admin, REST values such as "admin") and azure-mgmt-batch 17 (azure.mgmt.batch.models:
upper-case members such as ElevationLevel.ADMIN, ARM values such as "Admin"). They live in
Debian's own interpreter, /usr/bin/python3, not in a pyenv python3 that may come first on PATH;
sdk.ts starts it isolated (-I), so neither PYTHONPATH nor user site-packages can replace them.

stdin: {"jobs": [job, ...]}; stdout: {"versions": {...}, "results": [result, ...]}, one result per job.

A job {"kind": "run", "source": "...", "prelude": "...", "epilogue": "..."} executes the prelude,
the source (as a module named batch_identity_check, so a `main()` guarded by __name__ is not
called) and the epilogue in one namespace, and reports every task and pool model the code built,
in creation order, with the REST body the SDK would send for it (model.serialize()), plus what the
SDK and this driver noticed on the way:
  - warnings: what the SDK logged, e.g. msrest's "run_elevated is not a known attribute of class
    ... and will be ignored" for a keyword no model declares;
  - unknownAttributes: attributes set on a model that its class does not declare (msrest models
    accept `task.run_elevated = True` silently and serialize() drops it);
  - enumProblems: an enum-typed attribute holding something that is not exactly a member or value
    of its enum (azure-mgmt-batch declares its enum attributes as plain strings and sends whatever
    it is given);
  - nonCanonicalMembers: enum members reached by another casing than their name, e.g.
    mgmt ElevationLevel.admin (azure-core's CaseInsensitiveEnumMeta resolves it to ADMIN);
  - error: the exception the code died of, if any.

A job {"kind": "deserialize", "sdk": "batch"|"mgmt", "model": "TaskAddParameter", "body": {...}}
deserializes the body with Model.deserialize and reports the body serialize() gives back
(roundTrip: equal to the input only when every key and enum value is the SDK's own spelling),
keys the models do not declare (unknownKeys, from additional_properties), enumProblems and
warnings.
"""
import contextlib
import importlib
import inspect
import io
import json
import logging
import re
import sys
import traceback
from enum import Enum

import azure.batch
import azure.batch.models
import azure.mgmt.batch
import azure.mgmt.batch.models
from azure.core import CaseInsensitiveEnumMeta
from azure.mgmt.batch import _serialization as mgmt_serialization
from msrest import serialization as msrest_serialization

SDKS = {'batch': azure.batch.models, 'mgmt': azure.mgmt.batch.models}

# Code written for the run_elevated era imports the service client as the samples did,
# `import azure.batch.batch_service_client as batch` (azure-batch/azure/batch/batch_service_client.py
# in older releases); azure-batch 13 ships the same client as azure.batch._batch_service_client. The
# old name is registered for that real module, so such files import; nothing else is substituted.
sys.modules.setdefault('azure.batch.batch_service_client', importlib.import_module('azure.batch._batch_service_client'))
MODEL_BASES = (msrest_serialization.Model, mgmt_serialization.Model)


class Recorder(logging.Handler):
    """Every warning any logger emits while a job runs."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


RECORDER = Recorder()
logging.getLogger().addHandler(RECORDER)
logging.getLogger().setLevel(logging.WARNING)

# Every model built, in creation order (deserialization builds models too; jobs reset the list).
CREATED = []
NON_CANONICAL = []


def _record_creation(base):
    original = base.__init__

    def __init__(self, *args, **kwargs):
        CREATED.append(self)
        original(self, *args, **kwargs)

    base.__init__ = __init__


for _base in MODEL_BASES:
    _record_creation(_base)

_case_insensitive_getattr = CaseInsensitiveEnumMeta.__getattr__


def _noting_getattr(cls, name):
    # Only reached when normal lookup failed: an exact member name never gets here.
    member = _case_insensitive_getattr(cls, name)
    if isinstance(member, cls):
        NON_CANONICAL.append('{}.{} resolves to {}.{}'.format(cls.__name__, name, cls.__name__, member.name))
    return member


CaseInsensitiveEnumMeta.__getattr__ = _noting_getattr


def sdk_class_of(model):
    """The SDK's own class of a model (the nearest in its MRO, for a class the user code derived)
    and the public models module it belongs to (azure.batch.models, azure.mgmt.batch.models)."""
    for cls in type(model).__mro__:
        for package in SDKS.values():
            if cls.__module__.startswith(package.__name__ + '.'):
                return cls, package
    return None, None


def package_of(model):
    return sdk_class_of(model)[1]


def enum_of(model, attribute, description):
    """The enum class an attribute takes: msrest names it as the type; azure-mgmt-batch types it
    'str' and names the enum only in __init__'s annotation (Union[str, "_models.ElevationLevel"])."""
    cls, package = sdk_class_of(model)
    if package is None:
        return None
    candidates = [description['type']]
    try:
        parameter = inspect.signature(cls.__init__).parameters.get(attribute)
        if parameter is not None:
            candidates += re.findall(r'_models\.(\w+)', str(parameter.annotation))
    except (TypeError, ValueError):
        pass
    for name in candidates:
        found = getattr(package, name, None)
        if isinstance(found, type) and issubclass(found, Enum):
            return found
    return None


def children(value):
    if isinstance(value, MODEL_BASES):
        yield '', value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            for path, child in children(item):
                yield '[{}]{}'.format(index, path), child
    elif isinstance(value, dict):
        for key, item in value.items():
            for path, child in children(item):
                yield '[{!r}]{}'.format(key, path), child


def inspect_tree(model, path=''):
    """Undeclared attributes, undeclared keys and enum values that are not their enum's own, over a model tree."""
    unknown_attributes, unknown_keys, enum_problems = [], [], []
    declared = type(model)._attribute_map
    prefix = path + '.' if path else ''
    for name in vars(model):
        if name != 'additional_properties' and name not in declared:
            unknown_attributes.append(prefix + name)
    for key in getattr(model, 'additional_properties', None) or {}:
        unknown_keys.append(prefix + key)
    for attribute, description in declared.items():
        value = getattr(model, attribute, None)
        if value is None:
            continue
        enum = enum_of(model, attribute, description)
        if enum is not None:
            exact = isinstance(value, enum) or (isinstance(value, str) and not isinstance(value, Enum) and value in [m.value for m in enum])
            if not exact:
                enum_problems.append({
                    'path': prefix + attribute,
                    'value': value.value if isinstance(value, Enum) else value if isinstance(value, (str, int, float, bool)) else repr(value),
                    'enum': enum.__name__,
                    'allowed': [m.value for m in enum],
                })
            continue
        for sub, child in children(value):
            a, k, e = inspect_tree(child, prefix + attribute + sub)
            unknown_attributes += a
            unknown_keys += k
            enum_problems += e
    return unknown_attributes, unknown_keys, enum_problems


def holds_identity(model):
    """Tasks (user_identity) and pools (user_accounts, start_task), the models a report is about."""
    declared = type(model)._attribute_map
    return 'user_identity' in declared or 'user_accounts' in declared


def describe_error(error):
    return '{}: {}'.format(type(error).__name__, error)


def serialized(model):
    try:
        return {'body': model.serialize()}
    except Exception as error:  # the SDK refusing to serialize is a finding, not a driver failure
        return {'serializeError': describe_error(error)}


def run(job):
    namespace = {'__name__': 'batch_identity_check', '__file__': job.get('name', 'job') + '.py'}
    printed = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(printed):
            for part, code in (('prelude', job.get('prelude')), ('source', job['source']), ('epilogue', job.get('epilogue'))):
                if code:
                    exec(compile(code, '<{} {}>'.format(part, job.get('name', 'job')), 'exec'), namespace)
    except BaseException as caught:  # SystemExit too: the report says what stopped the code
        error = describe_error(caught)
        trace = traceback.format_exc()
    models = []
    for model in [m for m in CREATED if holds_identity(m)]:
        unknown_attributes, unknown_keys, enum_problems = inspect_tree(model)
        report = {
            'type': type(model).__name__,
            'kind': 'task' if 'user_identity' in type(model)._attribute_map else 'pool',
            'sdk': next(key for key, package in SDKS.items() if package is package_of(model)) if package_of(model) else None,
            'id': getattr(model, 'id', None),
            'unknownAttributes': unknown_attributes,
            'unknownKeys': unknown_keys,
            'enumProblems': enum_problems,
        }
        report.update(serialized(model))
        models.append(report)
    result = {'models': models, 'printed': printed.getvalue()}
    if error is not None:
        result['error'] = error
        result['traceback'] = trace
    return result


def deserialize(job):
    cls = getattr(SDKS[job['sdk']], job['model'])
    try:
        model = cls.deserialize(job['body'])
    except Exception as error:
        return {'error': describe_error(error)}
    unknown_attributes, unknown_keys, enum_problems = inspect_tree(model)
    result = {'type': type(model).__name__, 'unknownKeys': unknown_keys, 'enumProblems': enum_problems}
    result.update({('roundTrip' if key == 'body' else key): value for key, value in serialized(model).items()})
    return result


JOBS = {'run': run, 'deserialize': deserialize}


def main():
    request = json.load(sys.stdin)
    results = []
    for job in request['jobs']:
        del CREATED[:]
        del NON_CANONICAL[:]
        del RECORDER.messages[:]
        result = JOBS[job['kind']](job)
        result['warnings'] = list(RECORDER.messages)
        result['nonCanonicalMembers'] = list(NON_CANONICAL)
        results.append(result)
    versions = {'python': sys.version.split()[0], 'azure-batch': azure.batch.__version__, 'azure-mgmt-batch': azure.mgmt.batch.__version__}
    json.dump({'versions': versions, 'results': results}, sys.stdout, default=repr)


if __name__ == '__main__':
    main()
