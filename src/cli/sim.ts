// Node entry: npm run sim -- <project.json> [--scenario ID] [--replications N] [--seed S] [--out results.json]
//             [--event-log out.csv [--cases N] [--start ISO-TIME]]
import { main } from './main';
import { runCli } from './node';

runCli(main);
