// Every check can fail: each test breaks one thing in a copy of the workflows
// and expects the check that guards it to report the breakage.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { checkWorkflows, describeFindings } from "./check-workflows";
import { workflowsDirectory } from "./workflow-files";

interface Mutation {
    readonly breaks: string;
    readonly file: string;
    readonly from: string;
    readonly to: string;
    readonly caughtBy: string;
}

const mutations: readonly Mutation[] = [
    {
        breaks: "an action pinned to a moving tag",
        file: "deploy.yml",
        from: "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2",
        to: "actions/checkout@v6",
        caughtBy: "actions-pinned-to-commits",
    },
    {
        breaks: "a pinned action without its version comment",
        file: "tests.yml",
        from: "@9255dc7a253b0ccc959486e2bca901246202afeb # v5.0.1",
        to: "@9255dc7a253b0ccc959486e2bca901246202afeb",
        caughtBy: "actions-pinned-to-commits",
    },
    {
        breaks: "long-lived AWS keys instead of the OIDC role",
        file: "deploy.yml",
        from: "role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}",
        to: "aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
        caughtBy: "no-static-aws-keys",
    },
    {
        breaks: "an OIDC token requested by a job that assumes no role",
        file: "pull-request.yml",
        from: "    timeout-minutes: 20\n    permissions:\n      contents: read\n",
        to: "    timeout-minutes: 20\n    permissions:\n      contents: read\n      id-token: write\n",
        caughtBy: "aws-through-oidc",
    },
    {
        breaks: "no top-level permissions",
        file: "deploy.yml",
        from: "permissions: {}\n\njobs:",
        to: "jobs:",
        caughtBy: "least-permissions",
    },
    {
        breaks: "a writable default token",
        file: "pull-request.yml",
        from: "permissions: {}\n\n# A new push",
        to: "permissions: write-all\n\n# A new push",
        caughtBy: "least-permissions",
    },
    {
        breaks: "a job without permissions of its own",
        file: "tests.yml",
        from: "    timeout-minutes: 90\n    permissions:\n      contents: read\n",
        to: "    timeout-minutes: 90\n",
        caughtBy: "least-permissions",
    },
    {
        breaks: "a deploy that cancels the running pulumi up",
        file: "deploy.yml",
        from: "cancel-in-progress: false",
        to: "cancel-in-progress: true",
        caughtBy: "deploys-serialized-per-stack",
    },
    {
        breaks: "a deploy without a concurrency group",
        file: "deploy.yml",
        from: "    concurrency:\n      group: pulumi-up-${{ needs.select-stack.outputs.stack }}\n      cancel-in-progress: false\n",
        to: "",
        caughtBy: "deploys-serialized-per-stack",
    },
    {
        breaks: "a deploy outside its GitHub environment",
        file: "deploy.yml",
        from: "    environment:\n      name: ${{ needs.select-stack.outputs.stack }}\n      url: ${{ steps.up.outputs.url }}\n",
        to: "",
        caughtBy: "deploys-serialized-per-stack",
    },
    {
        breaks: "pull-request code run by pull_request_target",
        file: "pull-request.yml",
        from: "on:\n  pull_request:\n",
        to: "on:\n  pull_request_target:\n",
        caughtBy: "no-pull-request-target",
    },
    {
        breaks: "secrets (each stack's passphrase, looked up by name) handed to pull requests from forks",
        file: "pull-request.yml",
        from: " && github.event.pull_request.head.repo.full_name == github.repository\n",
        to: "\n",
        caughtBy: "secrets-stay-out-of-forks",
    },
    {
        breaks: "the comment workflow checking out the pull request",
        file: "plan-comment.yml",
        from: "ref: ${{ github.event.repository.default_branch }}",
        to: "ref: ${{ github.event.workflow_run.head_sha }}",
        caughtBy: "workflow-run-runs-no-pull-request-code",
    },
    {
        breaks: "a checkout that leaves its token on disk",
        file: "pull-request.yml",
        from: "persist-credentials: false",
        to: "persist-credentials: true",
        caughtBy: "checkouts-keep-no-credentials",
    },
    {
        breaks: "a job without a timeout",
        file: "tests.yml",
        from: "    timeout-minutes: 90\n",
        to: "",
        caughtBy: "jobs-have-timeouts",
    },
    {
        breaks: "a stack config key that Pulumi.yaml does not declare",
        file: "deploy.yml",
        from: "fargate-service:permissionsBoundaryArn: {value",
        to: "fargate-service:permissionBoundaryArn: {value",
        caughtBy: "stack-config-keys-declared",
    },
    {
        breaks: "a pull-request preview without the policy pack",
        file: "pull-request.yml",
        from: "          suppress-progress: true\n          policyPacks: policy\n",
        to: "          suppress-progress: true\n",
        caughtBy: "previews-and-deploys-run-the-policy-pack",
    },
    {
        breaks: "a deploy without the policy pack",
        file: "deploy.yml",
        from: "          suppress-progress: true\n          policyPacks: policy\n",
        to: "          suppress-progress: true\n",
        caughtBy: "previews-and-deploys-run-the-policy-pack",
    },
    {
        breaks: "a deploy that runs the policy pack without installing it",
        file: "deploy.yml",
        from: "        run: npm ci --prefix policy\n",
        to: "        run: echo skipped\n",
        caughtBy: "previews-and-deploys-run-the-policy-pack",
    },
    {
        breaks: "a stored Pulumi token handed to the deploy",
        file: "deploy.yml",
        from: "      PULUMI_BACKEND_URL: ${{ vars.PULUMI_BACKEND_URL }}\n",
        to: "      PULUMI_BACKEND_URL: ${{ vars.PULUMI_BACKEND_URL }}\n      PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n",
        caughtBy: "no-stored-pulumi-token",
    },
    {
        breaks: "a stored Pulumi token handed to pull-request code",
        file: "pull-request.yml",
        from: "      PULUMI_CONFIG_PASSPHRASE: ${{ secrets[matrix.passphrase] }}\n",
        to: "      PULUMI_CONFIG_PASSPHRASE: ${{ secrets[matrix.passphrase] }}\n      PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n",
        caughtBy: "no-stored-pulumi-token",
    },
    {
        breaks: "a preview with an organization's (admin) Pulumi token",
        file: "pull-request.yml",
        from: "requested-token-type: urn:pulumi:token-type:access_token:team",
        to: "requested-token-type: urn:pulumi:token-type:access_token:organization",
        caughtBy: "previews-change-nothing",
    },
    {
        breaks: "a pull request that runs pulumi up",
        file: "pull-request.yml",
        from: "          command: preview\n",
        to: "          command: up\n",
        caughtBy: "previews-change-nothing",
    },
    {
        breaks: "a preview job in a deploy environment",
        file: "pull-request.yml",
        from: "    timeout-minutes: 30\n    permissions:\n      contents: read\n      id-token: write\n",
        to: "    timeout-minutes: 30\n    environment: dev\n    permissions:\n      contents: read\n      id-token: write\n",
        caughtBy: "previews-change-nothing",
    },
    {
        breaks: "a deploy that creates its stack on the runner",
        file: "deploy.yml",
        from: "          command: up\n",
        to: "          command: up\n          upsert: true\n",
        caughtBy: "stacks-created-once",
    },
    {
        breaks: "a step output that does not exist",
        file: "deploy.yml",
        from: "url: ${{ steps.up.outputs.url }}",
        to: "url: ${{ steps.upp.outputs.url }}",
        caughtBy: "actionlint",
    },
    {
        breaks: "an unknown context in an expression",
        file: "pull-request.yml",
        from: "${{ vars.AWS_PREVIEW_ROLE_ARN_DEV }}",
        to: "${{ variables.AWS_PREVIEW_ROLE_ARN_DEV }}",
        caughtBy: "actionlint",
    },
    {
        breaks: "an unquoted variable in a run step",
        file: "deploy.yml",
        from: 'echo "stack=$stack" >> "$GITHUB_OUTPUT"',
        to: 'echo "stack=$stack" >> $GITHUB_OUTPUT',
        caughtBy: "shellcheck",
    },
    {
        breaks: "a deploy that no longer checks what it shipped",
        file: "deploy.yml",
        from: "npm run --silent deploy-check --",
        to: "echo skipping the check --",
        caughtBy: "deploys-prove-what-they-shipped",
    },
    {
        breaks: "a deploy check told to expect something other than the commit",
        file: "deploy.yml",
        from: "VERSION: ${{ github.sha }}",
        to: "VERSION: ${{ github.ref_name }}",
        caughtBy: "deploys-prove-what-they-shipped",
    },
    {
        breaks: "a deploy check fed the task definition of another step",
        file: "deploy.yml",
        from: "TASK_DEFINITION: ${{ steps.up.outputs.taskDefinitionArn }}",
        to: "TASK_DEFINITION: ${{ steps.last-deploy.outputs.taskDefinitionArn }}",
        caughtBy: "deploys-prove-what-they-shipped",
    },
    {
        breaks: "trailing whitespace",
        file: "tests.yml",
        from: "run: bash tests/run-all.sh",
        to: "run: bash tests/run-all.sh   ",
        caughtBy: "yamllint",
    },
];

describe("each check catches what it guards", () => {
    let copy: string;
    before(() => {
        copy = mkdtempSync(join(tmpdir(), "workflows-"));
    });
    after(() => rmSync(copy, { recursive: true, force: true }));

    function freshCopy(): string {
        const directory = join(copy, String(Date.now() + Math.random()));
        cpSync(workflowsDirectory, directory, { recursive: true });
        return directory;
    }

    it("finds nothing in an unchanged copy", async () => {
        const findings = await checkWorkflows(freshCopy());
        assert.equal(findings.length, 0, describeFindings(findings));
    });

    for (const mutation of mutations) {
        it(`${mutation.caughtBy} reports ${mutation.breaks}`, async () => {
            const directory = freshCopy();
            const file = join(directory, mutation.file);
            const original = readFileSync(file, "utf8");
            assert.ok(
                original.includes(mutation.from),
                `${mutation.file} no longer contains the text this test breaks`,
            );
            writeFileSync(file, original.replace(mutation.from, mutation.to));

            const findings = await checkWorkflows(directory);
            assert.ok(
                findings.some(
                    (finding) =>
                        finding.check === mutation.caughtBy && finding.file.includes(mutation.file.replace(".yml", "")),
                ),
                `expected a ${mutation.caughtBy} finding in ${mutation.file}, got:\n${describeFindings(findings) || "(none)"}`,
            );
        });
    }

    it("rejects a workflow with a duplicated key", async () => {
        const directory = freshCopy();
        const file = join(directory, "tests.yml");
        writeFileSync(
            file,
            readFileSync(file, "utf8").replace(
                "    timeout-minutes: 90\n",
                "    timeout-minutes: 90\n    timeout-minutes: 30\n",
            ),
        );
        await assert.rejects(checkWorkflows(directory), /tests\.yml: not valid YAML/);
    });
});
