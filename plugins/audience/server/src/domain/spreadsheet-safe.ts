// Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
// formula; a leading apostrophe makes it plain text. For every CSV Herald hands back to people.
export const spreadsheetSafe = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
