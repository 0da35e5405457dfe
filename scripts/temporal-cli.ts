// `npm run temporal:install`: find or build the Temporal CLI and print its path.
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { resolveTemporalCli } from '../platform/temporal-cli';

const config = loadConfig();
resolveTemporalCli({ cliPath: config.temporal.cliPath, dataDir: config.dataDir, log: createLogger(config.logLevel, 'setup') })
  .then((bin) => console.log(bin ?? 'none found: the SDK will download the dev server on first start'))
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
