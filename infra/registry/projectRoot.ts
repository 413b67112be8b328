// Locates the project root (the directory holding Pulumi.yaml) from any file under it, source or compiled.
import * as fs from "fs";
import * as path from "path";

export function findProjectRoot(start: string): string {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`no Pulumi.yaml in ${start} or any directory above it`);
        }
    }
}
