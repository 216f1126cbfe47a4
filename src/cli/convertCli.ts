// Node entry: npm run convert -- IN --out OUT [--scenario ID]
import { convert } from './convert';
import { runCli } from './node';

runCli(convert);
