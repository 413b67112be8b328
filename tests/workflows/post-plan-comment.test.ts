// .github/scripts/post-plan-comment.cjs against a stand-in of the GitHub API
// client that github-script passes in.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { repositoryRoot } from "./workflow-files";

interface Comment {
    id: number;
    body: string;
    user: { login: string };
}

interface PlanCommentModule {
    MARKER: string;
    MAX_COMMENT_CHARS: number;
    postPlanComment: (options: {
        github: unknown;
        repo: { owner: string; repo: string };
        planDir: string;
        headSha: string;
        log: { info(message: string): void };
    }) => Promise<"created" | "updated" | "skipped">;
}

// The workflow loads this CommonJS script with require() (actions/github-script), and so does its test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MARKER, MAX_COMMENT_CHARS, postPlanComment } = require(
    join(repositoryRoot, ".github", "scripts", "post-plan-comment.cjs"),
) as PlanCommentModule;

const repo = { owner: "acme", repo: "fargate-service" };
const headSha = "c".repeat(40);
const temporary = mkdtempSync(join(tmpdir(), "plan-comment-"));
after(() => rmSync(temporary, { recursive: true, force: true }));

function artifact(prNumber: string, comment: string): string {
    const directory = mkdtempSync(join(temporary, "artifact-"));
    writeFileSync(join(directory, "pr-number"), `${prNumber}\n`);
    writeFileSync(join(directory, "comment.md"), comment);
    return directory;
}

/** Records what the poster asks of GitHub; one pull request, #7, at `pullHeadSha`. */
function fakeGitHub(existing: Comment[], pullHeadSha = headSha) {
    const calls: { created: Comment[]; updated: Comment[] } = { created: [], updated: [] };
    const github = {
        paginate: async (list: (query: object) => Promise<{ data: Comment[] }>, query: object) =>
            (await list(query)).data,
        rest: {
            pulls: {
                get: async ({ pull_number }: { pull_number: number }) => {
                    if (pull_number !== 7) throw new Error(`no pull request #${pull_number}`);
                    return { data: { head: { sha: pullHeadSha } } };
                },
            },
            issues: {
                listComments: async () => ({ data: existing }),
                createComment: async ({ body }: { body: string }) => {
                    calls.created.push({ id: 99, body, user: { login: "github-actions[bot]" } });
                },
                updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
                    calls.updated.push({ id: comment_id, body, user: { login: "github-actions[bot]" } });
                },
            },
        },
    };
    return { github, calls };
}

const log = { info: () => undefined };

describe("posting the offline plan", () => {
    it("creates the comment, marked so the next push finds it", async () => {
        const { github, calls } = fakeGitHub([]);
        const outcome = await postPlanComment({
            github,
            repo,
            planDir: artifact("7", "## Offline plan"),
            headSha,
            log,
        });
        assert.equal(outcome, "created");
        assert.equal(calls.created[0].body, `${MARKER}\n## Offline plan`);
    });

    it("updates its own comment in place, not a person's that quotes the marker", async () => {
        const { github, calls } = fakeGitHub([
            { id: 1, body: `${MARKER}\nquoted by a reviewer`, user: { login: "reviewer" } },
            { id: 2, body: `${MARKER}\n## old plan`, user: { login: "github-actions[bot]" } },
        ]);
        const outcome = await postPlanComment({ github, repo, planDir: artifact("7", "## new plan"), headSha, log });
        assert.equal(outcome, "updated");
        assert.deepEqual(
            calls.updated.map((comment) => comment.id),
            [2],
        );
        assert.equal(calls.created.length, 0);
    });

    it("does not post a plan for a commit the pull request has moved past", async () => {
        const { github, calls } = fakeGitHub([], "d".repeat(40));
        const outcome = await postPlanComment({ github, repo, planDir: artifact("7", "## stale"), headSha, log });
        assert.equal(outcome, "skipped");
        assert.equal(calls.created.length + calls.updated.length, 0);
    });

    it("refuses a pull request number that is not a positive integer", async () => {
        const { github } = fakeGitHub([]);
        await assert.rejects(
            postPlanComment({ github, repo, planDir: artifact("7; curl evil", "x"), headSha, log }),
            /pr-number: "7; curl evil" is not a pull request number/,
        );
    });

    it("cuts a plan longer than GitHub allows and says so", async () => {
        const { github, calls } = fakeGitHub([]);
        await postPlanComment({
            github,
            repo,
            planDir: artifact("7", "x".repeat(MAX_COMMENT_CHARS * 2)),
            headSha,
            log,
        });
        const body = calls.created[0].body;
        assert.ok(body.length <= MAX_COMMENT_CHARS, `body has ${body.length} characters`);
        assert.match(body, /_Truncated to fit one comment/);
    });

    it("closes the fence and the <details> a cut leaves open, so the notice shows", async () => {
        const { github, calls } = fakeGitHub([]);
        const open = "### `prod`\n\n<details><summary>Architecture</summary>\n\n~~~~text\n";
        await postPlanComment({
            github,
            repo,
            planDir: artifact("7", open + "a line of the plan\n".repeat(MAX_COMMENT_CHARS / 10)),
            headSha,
            log,
        });
        const body = calls.created[0].body;
        assert.ok(body.length <= MAX_COMMENT_CHARS, `body has ${body.length} characters`);
        assert.match(body, /a line of the plan\n~~~~\n<\/details>\n\n_Truncated to fit one comment/);
    });
});
