// infra/ is the program `pulumi up` runs and nothing else: every module there is reached from index.ts, and none
// imports from outside infra/ but packages (the plan and the mock engine in tools/ read the program, never the reverse).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { projectRoot } from "./stackRun";

const infra = path.join(projectRoot, "infra");

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
    });
}

/** The relative module specifiers of a file's imports and exports, resolved to .ts files. */
function localImports(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((match) => match[1]);
    return specifiers.map((specifier) => {
        const target = path.resolve(path.dirname(file), specifier);
        return fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, "index.ts");
    });
}

describe("the program's folder", () => {
    it("imports nothing from outside infra/ but packages", () => {
        const outside = sourceFiles(infra).flatMap((file) =>
            localImports(file)
                .filter((target) => !target.startsWith(`${infra}${path.sep}`))
                .map((target) => `${path.relative(projectRoot, file)} imports ${path.relative(projectRoot, target)}`),
        );
        assert.deepEqual(outside, []);
    });

    it("holds only modules that index.ts reaches", () => {
        const reached = new Set<string>();
        const visit = (file: string): void => {
            if (!reached.has(file)) {
                reached.add(file);
                localImports(file).forEach(visit);
            }
        };
        visit(path.join(infra, "index.ts"));
        const unreached = sourceFiles(infra).filter((file) => !reached.has(file));
        assert.deepEqual(
            unreached.map((file) => path.relative(projectRoot, file)),
            [],
        );
    });
});
