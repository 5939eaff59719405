// `npm start`: runs Vigil in Electron where its binary is installed, otherwise in the browser host.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The electron package exports the binary's path, and throws when it was never downloaded. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// npm is a .cmd script on Windows, which Node only spawns through a shell.
const npmRun = (script) => run('npm', ['run', script], { shell: process.platform === 'win32' });

async function main() {
  const binary = electronBinary();
  if (!binary) {
    console.warn(
      'The Electron binary is not installed (run `npm run electron:install` on a machine with ' +
        'internet access to get it), so the browser host starts instead.',
    );
    return npmRun('start:browser');
  }
  const built = await npmRun('build');
  if (built !== 0) return built;
  // Set in some terminals (VS Code's among them), it would make Electron run as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return run(binary, ['.'], { env });
}

process.exitCode = await main();
