// The cross-engine browser tests: every journey of journeys.mjs in one engine, named by PHC_ENGINE
// (chromium, firefox or webkit). `cargo xtask test` runs this file once per engine:
//
//   PHC_ENGINE=firefox PHC_URL=http://127.0.0.1:8097 PHC_CHECK=target/debug/phc-check node --test tests/e2e/engines/suite.mjs
//
// (Not named *.test.mjs: the Chromium run of tests/e2e does not pick it up by itself.)
import { test, before, after } from 'node:test';
import { launchEngine, ENGINES } from './driver.mjs';
import { runJourney } from './steps.mjs';
import { JOURNEYS, AT } from '../journeys.mjs';

const name = process.env.PHC_ENGINE ?? 'chromium';
if (!ENGINES.includes(name)) throw new Error(`PHC_ENGINE=${name}: one of ${ENGINES.join(', ')}`);

let engine;
before(async () => {
  engine = await launchEngine(name, { at: AT });
  console.error(`engine ${engine.name} ${engine.version}`);
});
after(async () => { await engine?.close(); });

for (const journey of JOURNEYS) {
  test(`${name}: ${journey.name}`, { timeout: 120000 }, () => runJourney(engine, journey));
}
