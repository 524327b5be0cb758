"""Runs a Python file against the stub azure.batch.models and prints, as JSON, the user identity
every task model it built ends up with (after all later assignments), in creation order.

Usage: PYTHONPATH=test/compile/python/stubs python3 test/compile/python/run_models.py FILE.py
The file runs with __name__ != '__main__', so a `main()` talking to the service is not called.
"""
import contextlib
import json
import runpy
import sys

import azure.batch.models as models


def describe(identity):
    if identity is None:
        return None
    if not isinstance(identity, models.UserIdentity):
        raise TypeError('user_identity must be a UserIdentity, got {!r}'.format(identity))
    auto = identity.auto_user
    return {
        'userName': identity.user_name,
        'scope': auto.scope.value if auto and auto.scope else None,
        'elevationLevel': auto.elevation_level.value if auto and auto.elevation_level else None,
    }


def main(path):
    # What the file prints itself goes to stderr: stdout is the JSON report alone.
    with contextlib.redirect_stdout(sys.stderr):
        runpy.run_path(path, run_name='batch_identity_check')
    tasks = [model for model in models.CREATED if isinstance(model, models.TASK_TYPES)]
    print(json.dumps([
        {'type': type(task).__name__, 'id': getattr(task, 'id', None), 'commandLine': task.command_line, 'identity': describe(task.user_identity)}
        for task in tasks
    ]))


if __name__ == '__main__':
    main(sys.argv[1])
