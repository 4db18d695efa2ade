// npm run datasets — where the recorded data sets are read from, what is present, and where to
// get the rest. Exits 1 only when the copies committed for `npm test` are incomplete.
import { datasetFolders, FIXTURE_DATASETS, projectRoot } from "../src/config.js";
import { fixtureFolders, FIXTURE_FILES, missingFixtures, NAB_REPOSITORY, nabInventory } from "../src/datasets/inventory.js";

const out = (line = ""): void => void process.stdout.write(`${line}\n`);

out(`In the repository (${FIXTURE_DATASETS}/, read by npm test):`);
const missing = missingFixtures(projectRoot);
for (const [name, files] of Object.entries(FIXTURE_FILES)) {
  const folder = fixtureFolders(projectRoot)[name] as string;
  const absent = missing.filter((file) => file.startsWith(folder)).length;
  out(`  ${name.padEnd(22)} ${files.length - absent} of ${files.length} files${absent > 0 ? "  INCOMPLETE" : ""}`);
}
for (const file of missing) out(`  missing: ${file} (restore it with git checkout -- ${FIXTURE_DATASETS})`);

const folder = datasetFolders(projectRoot)["nab"] as string;
const nab = nabInventory(folder);
out();
out(`NAB for the full evaluations (npm run eval:nab, eval:forecast, eval:risk), NAB_DATA_DIR → ${folder}:`);
out(`  combined_windows.json  ${nab.windows ? "present" : "MISSING"}`);
out(`  combined_labels.json   ${nab.labels ? "present" : "MISSING"}`);
for (const c of nab.categories) out(`  ${c.name.padEnd(22)} ${String(c.present).padStart(2)} of ${c.named ?? "?"} series`);
out(`  ${nab.seriesPresent} of ${nab.seriesNamed ?? "?"} series present`);
if (!nab.windows || !nab.labels || nab.seriesNamed === null || nab.seriesPresent < nab.seriesNamed) {
  out();
  out(`To get the rest, from NAB's public repository (${NAB_REPOSITORY}, MIT licence):`);
  out(`  git clone --depth 1 ${NAB_REPOSITORY}.git /tmp/NAB`);
  out(`  mkdir -p ${folder}`);
  out(`  cp -r /tmp/NAB/data/* /tmp/NAB/labels/combined_windows.json /tmp/NAB/labels/combined_labels.json /tmp/NAB/LICENSE.txt ${folder}/`);
  out("or set NAB_DATA_DIR to a folder laid out that way (category folders of CSVs beside the two label files).");
}
if (missing.length > 0) process.exitCode = 1;
