/** Pool files the workspace tests of the server share. */

/** A C# pool defining `csUser` (admin, Linux uid 12345, gid 98765) through `pool.UserAccounts`. */
export const POOL_CS = [
  'using System.Collections.Generic;',
  'using Microsoft.Azure.Batch;',
  'using Microsoft.Azure.Batch.Common;',
  '',
  'class Pools',
  '{',
  '    void Configure(CloudPool pool, string secret)',
  '    {',
  '        pool.UserAccounts = new List<UserAccount>',
  '        {',
  '            new UserAccount("csUser", secret, ElevationLevel.Admin, new LinuxUserConfiguration(12345, 98765)),',
  '        };',
  '    }',
  '}',
  '',
].join('\n');
