// Placeholder for scripts whose issue is still open: says so plainly and exits non-zero.
const [script = 'this script', issue = '?'] = process.argv.slice(2);
console.error(`npm run ${script} is not built yet (tracked in issue ${issue}).`);
process.exit(2);
