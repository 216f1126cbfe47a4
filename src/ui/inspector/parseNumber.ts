// Moved to src/model/parseNumber.ts (the duration parser in src/model uses it too).
export { parseNumber, type ParsedNumber } from '../../model/parseNumber';
