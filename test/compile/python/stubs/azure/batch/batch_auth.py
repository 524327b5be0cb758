"""Stub of azure.batch.batch_auth."""


class SharedKeyCredentials:
    def __init__(self, account_name, key):
        self.account_name = account_name
        self.key = key
