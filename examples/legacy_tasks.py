"""Legacy Azure Batch client code (azure-batch <= 1.1.0) that still asks for run_elevated.

Since Batch service version 2017-01-01.4.0 requests with runElevated are documented to fail, and
azure-batch 5.0 to 14.x drop run_elevated with a warning: these tasks would run without their elevation.

Try it:
    node dist/cli.js check examples/legacy_tasks.py
    node dist/cli.js check --fix examples/legacy_tasks.py
"""
import os

import azure.batch.batch_auth as batchauth
import azure.batch.batch_service_client as batch
import azure.batch.models as batchmodels

POOL_ID = 'ffmpeg-pool'
JOB_ID = 'ffmpeg-job'
# Whether the job preparation task must install system packages (it then needs admin rights).
INSTALL_PACKAGES = os.environ.get('INSTALL_PACKAGES', '1') == '1'


def log_task(task_id, run_elevated=False):
    """Our own helper: its run_elevated parameter is not Batch's, so it is left alone."""
    print('{} elevated={}'.format(task_id, run_elevated))


def create_pool():
    # The start task installs ffmpeg on every node, so it must run as an administrator.
    start_task = batchmodels.StartTask(
        command_line='/bin/bash -c "apt-get update && apt-get install -y ffmpeg"',
        run_elevated=True,
        wait_for_success=True)
    return batchmodels.PoolAddParameter(
        id=POOL_ID,
        vm_size='STANDARD_D2_V3',
        virtual_machine_configuration=batchmodels.VirtualMachineConfiguration(
            image_reference=batchmodels.ImageReference(
                publisher='canonical', offer='0001-com-ubuntu-server-jammy', sku='22_04-lts', version='latest'),
            node_agent_sku_id='batch.node.ubuntu 22.04'),
        target_dedicated_nodes=2,
        start_task=start_task)


def create_job():
    manager = batchmodels.JobManagerTask(
        id='manager',
        command_line='python3 manager.py',
        run_elevated=False)
    preparation = batchmodels.JobPreparationTask(
        command_line='/bin/bash -c "mkdir -p $AZ_BATCH_NODE_SHARED_DIR/work"',
        run_elevated=INSTALL_PACKAGES)
    return batchmodels.JobAddParameter(
        id=JOB_ID,
        pool_info=batchmodels.PoolInformation(pool_id=POOL_ID),
        job_manager_task=manager,
        job_preparation_task=preparation)


def create_tasks():
    tasks = []
    for index in range(3):
        task = batch.models.TaskAddParameter(
            id='convert{}'.format(index),
            command_line='/bin/bash -c "ffmpeg -i in{0}.mp4 out{0}.mp3"'.format(index),
            run_elevated = index == 0)  # only the first task writes to /opt
        tasks.append(task)
    cleanup = batchmodels.TaskAddParameter(id='cleanup', command_line='/bin/bash -c "rm -rf /opt/scratch"')
    cleanup.run_elevated = True
    log_task(cleanup.id, run_elevated=True)
    tasks.append(cleanup)
    return tasks


POOL = create_pool()
JOB = create_job()
TASKS = create_tasks()


def main():
    credentials = batchauth.SharedKeyCredentials(os.environ['BATCH_ACCOUNT_NAME'], os.environ['BATCH_ACCOUNT_KEY'])
    client = batch.BatchServiceClient(credentials, base_url=os.environ['BATCH_ACCOUNT_URL'])
    client.pool.add(POOL)
    client.job.add(JOB)
    client.task.add_collection(JOB_ID, TASKS)


if __name__ == '__main__':
    main()
