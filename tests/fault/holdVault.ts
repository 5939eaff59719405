import { Vault } from '../../core/vault/vault';

/**
 * A second program holding a vault open: it opens the folder it is given, says so on stdout,
 * and keeps the vault open until it is killed.
 */
const [folder, passphrase] = process.argv.slice(2) as [string, string];

Vault.open(folder, { passphrase }).then(
  () => process.stdout.write('open\n'),
  (err: { code?: string }) => {
    process.stdout.write(`failed ${err.code ?? 'unknown'}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 1 << 30);
