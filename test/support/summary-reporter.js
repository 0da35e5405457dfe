// Ends a jest run with one plain line, "jest: N passed, N failed, N skipped", which CI reads.
// A suite that could not run at all counts as one failure, so a broken file is never silent.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
