// Text that Markdown shows as written: inline code and table cells.

export function code(text: string): string {
    return `\`${text.replace(/`/g, "'")}\``;
}

/** A value for a table cell: pipes escaped so they do not end the cell. */
export function cell(value: unknown): string {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text === "" ? '""' : text.replace(/\|/g, "\\|");
}
