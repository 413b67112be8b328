// The pull-request comment as the workflow writes it, from the real plan: .github/scripts/offline-plan.sh over two
// throwaway checkouts (the repository's stack files, the base's and the head's) whose `npm run plan` is the compiled
// plan of this repository. It must say what changed in a few kilobytes, lead each stack with the change in cost, call
// out changes to what is public, and fold the unchanged context.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { repositoryRoot } from "./workflow-files";

const script = join(repositoryRoot, ".github", "scripts", "offline-plan.sh");
const cli = join(repositoryRoot, "build", "tools", "plan", "cli", "cli.js");
const temporary = mkdtempSync(join(tmpdir(), "plan-comment-"));
after(() => rmSync(temporary, { recursive: true, force: true }));

/** The bytes the comment may take for the two-line change: measured 2026-12-02, see docs/offline-plan.md. */
export const commentBound = { total: 16_000, visible: 5_000 };

/** A checkout with the repository's stack files, `edit` applied to each, and the real plan as `npm run plan`. */
function checkout(name: string, edit: (file: string, text: string) => string = (_file, text) => text): string {
    const directory = join(temporary, name);
    mkdirSync(directory);
    for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"]) {
        writeFileSync(join(directory, file), edit(file, readFileSync(join(repositoryRoot, file), "utf8")));
    }
    const manifest = { name: "checkout", version: "1.0.0", scripts: { plan: `node ${JSON.stringify(cli)}` } };
    writeFileSync(join(directory, "package.json"), JSON.stringify(manifest));
    const lock = {
        ...manifest,
        lockfileVersion: 3,
        requires: true,
        packages: { "": { name: "checkout", version: "1.0.0" } },
    };
    writeFileSync(join(directory, "package-lock.json"), JSON.stringify(lock));
    return directory;
}

function comment(base: string, head: string): { status: number | null; text: string; log: string; out: string } {
    const out = join(temporary, `out-${Math.random().toString(36).slice(2)}`);
    const result = spawnSync("bash", [script, base, head, out], {
        encoding: "utf8",
        env: { ...process.env, BASE_REF: "main", BASE_SHA: "b".repeat(40), HEAD_SHA: "a".repeat(40) },
        timeout: 180_000,
    });
    return {
        status: result.status,
        text: readFileSync(join(out, "comment.md"), "utf8"),
        log: result.stdout + result.stderr,
        out,
    };
}

/** The comment without its folded <details> blocks: what a reviewer sees without a click. */
function visible(text: string): string {
    return text.replace(/<details>[\s\S]*?<\/details>\n/g, "");
}

describe("the pull-request comment of a two-line change (prod maxCount 10, dev arm64)", () => {
    const result = comment(
        checkout("base"),
        checkout("head", (file, text) =>
            file === "Pulumi.prod.yaml"
                ? text.replace("fargate-service:maxCount: 6", "fargate-service:maxCount: 10")
                : file === "Pulumi.dev.yaml"
                  ? `${text}  fargate-service:architecture: arm64\n`
                  : text,
        ),
    );

    it("is written, and the job passes", () => {
        assert.equal(result.status, 0, result.log);
    });

    it("fits in a few kilobytes, and fewer still before any <details> is opened", () => {
        const bytes = Buffer.byteLength(result.text);
        const shown = Buffer.byteLength(visible(result.text));
        assert.ok(bytes <= commentBound.total, `the comment has ${bytes} bytes`);
        assert.ok(shown <= commentBound.visible, `the comment shows ${shown} bytes unfolded:\n${visible(result.text)}`);
    });

    it("says once what the plan is, and leads each stack with its change in cost", () => {
        assert.equal(result.text.split("not a cloud diff").length - 1, 1);
        assert.match(
            result.text,
            /^### `prod` against `main @ bbbbbbbbbbbb`: 1 to update\n\n\*\*Monthly cost: \$98\.71 to \$137\.28 → \$98\.71 to \$175\.86 \(\+\$0\.00 to \+\$38\.58\/month\)\*\*\n- \+\$0\.00 to \+\$29\.55\/month: Fargate vCPU \(X86_64\), app-service: tasks 2-6 → 2-10$/m,
        );
        assert.match(
            result.text,
            /^### `dev` against `main @ bbbbbbbbbbbb`: 2 to update, 1 to replace; 1 new deployment, 1 new image\n\n\*\*Monthly cost: \$52\.06 → \$50\.26 \(-\$1\.80\/month\)\*\*\n- -\$1\.48\/month: Fargate vCPU, app-service: X86_64 → ARM64 \(\$0\.04048 → \$0\.03238 per vCPU-hour\)$/m,
        );
        assert.equal(result.text.split("**Public exposure and IAM: no change.**").length - 1, 2);
    });

    it("says in a line per check what it found, and folds the unchanged cost table and security posture", () => {
        for (const stack of ["dev", "prod"]) {
            const part = result.text.slice(result.text.indexOf(`### \`${stack}\``));
            for (const check of ["Creation order", "AWS API rules", "Policy pack"]) {
                assert.match(part, new RegExp(`^- ✅ ${check}: `, "m"), `${stack}: no line for ${check}`);
            }
            for (const summary of ["Monthly cost estimate: ", "Security posture"]) {
                assert.ok(part.includes(`<details><summary>${summary}`), `${stack}: ${summary} is not folded`);
            }
        }
        assert.equal(result.text.split("<details>").length, result.text.split("</details>").length);
        assert.ok(!result.text.includes("```mermaid"), "the diagram belongs to the full plans, not the comment");
    });

    it("writes each stack's full plan beside the comment, for the workflow to upload", () => {
        for (const stack of ["dev", "prod"]) {
            const full = readFileSync(join(result.out, `plan-${stack}.md`), "utf8");
            assert.match(full, new RegExp(`^### Offline plan of \`${stack}\``));
            assert.ok(full.includes("```mermaid"), `plan-${stack}.md has no diagram`);
            assert.ok(full.includes("<details><summary>Resources by parent"), `plan-${stack}.md has no resources`);
        }
    });
});

describe("the pull-request comment of a change that opens a port to the internet", () => {
    // dev serves plain HTTP; a certificate adds the HTTPS listener and with it port 443 open to the internet.
    const certificate = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
    const result = comment(
        checkout("base-https"),
        checkout("head-https", (file, text) =>
            file === "Pulumi.dev.yaml" ? `${text}  fargate-service:certificateArn: ${certificate}\n` : text,
        ),
    );

    it("calls out the new ingress from anywhere, before the list of changes", () => {
        assert.equal(result.status, 0, result.log);
        const dev = result.text.slice(result.text.indexOf("### `dev`"), result.text.indexOf("### `prod`"));
        const callout = dev.indexOf(
            "- ⚠️ **Public**: new ingress from anywhere: tcp 443 from 0.0.0.0/0 into firewall-alb",
        );
        assert.ok(callout > 0, dev);
        assert.ok(callout < dev.indexOf("~~~~text"), "the call-out comes after the changes");
        assert.match(dev, /^\*\*Public exposure and IAM change:\*\*$/m);
    });
});
