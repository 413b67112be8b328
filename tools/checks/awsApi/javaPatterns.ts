// AWS's model patterns are Java regular expressions, matched against the whole value. JavaScript reads most of them
// as they are; Java's POSIX classes (\p{Print}, \p{Alnum}, ...) are translated to ranges first.

/** Java's POSIX classes, which JavaScript lacks, as character ranges. */
const posixClasses: Record<string, string> = {
    Print: "\\x20-\\x7E",
    Graph: "\\x21-\\x7E",
    Alnum: "A-Za-z0-9",
    Alpha: "A-Za-z",
    Digit: "0-9",
    Upper: "A-Z",
    Lower: "a-z",
    XDigit: "0-9A-Fa-f",
    ASCII: "\\x00-\\x7F",
    Punct: "!-\\/:-@\\[-`{-~",
    Space: " \\t\\n\\x0B\\f\\r",
};

const compiled = new Map<string, RegExp | undefined>();

/** A model pattern as a JavaScript RegExp over the whole value, or undefined when it does not compile. */
export function compilePattern(pattern: string): RegExp | undefined {
    if (compiled.has(pattern)) {
        return compiled.get(pattern);
    }
    const translated = pattern.replace(/\\p\{(\w+)\}/g, (whole: string, name: string, offset: number) => {
        const range = posixClasses[name];
        return range === undefined ? whole : insideClass(pattern, offset) ? range : `[${range}]`;
    });
    let regex: RegExp | undefined;
    for (const flags of ["u", ""]) {
        try {
            regex = new RegExp(`^(?:${translated})$`, flags);
            break;
        } catch {
            regex = undefined;
        }
    }
    compiled.set(pattern, regex);
    return regex;
}

function insideClass(pattern: string, offset: number): boolean {
    let depth = 0;
    for (let i = 0; i < offset; i++) {
        if (pattern[i] === "\\") i++;
        else if (pattern[i] === "[") depth++;
        else if (pattern[i] === "]" && depth > 0) depth--;
    }
    return depth > 0;
}
