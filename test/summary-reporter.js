// Prints the plain closing line CI reads: "N passed, N failed[, N skipped]".
// Written when the process exits, so it comes after jest's own summary and is the last line
// (writes to pipes and files are synchronous in Node on Linux, so nothing is lost at exit).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that fails to load has no failed tests of its own; count it as a failure.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    let line = `${results.numPassedTests} passed, ${failed} failed`;
    if (skipped > 0) line += `, ${skipped} skipped`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
