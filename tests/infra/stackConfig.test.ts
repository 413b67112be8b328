// Stack configuration as the Pulumi CLI hands it to the program, read from Pulumi.yaml and Pulumi.<stack>.yaml.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { loadStackConfig, StackConfigError } from "../../tools/mocks/stackConfig";

const projectYaml = `name: shop
runtime: nodejs
config:
  aws:region: eu-central-1
  size:
    type: integer
    description: How many.
    default: 2
  verbose:
    type: boolean
    description: Talk more.
    default: false
  label:
    type: string
    description: A name.
    default: ""
`;

const directories: string[] = [];
after(() => directories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

/** A project directory holding the given files. */
function project(files: Record<string, string>): string {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "stack-config-"));
    directories.push(directory);
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(directory, name), text);
    }
    return directory;
}

describe("loadStackConfig", () => {
    it("namespaces project keys, applies Pulumi.yaml's values and defaults, and writes values as strings", () => {
        const loaded = loadStackConfig(
            project({ "Pulumi.yaml": projectYaml, "Pulumi.dev.yaml": "config: {}\n" }),
            "dev",
        );
        assert.equal(loaded.project, "shop");
        assert.deepEqual(loaded.config, {
            "aws:region": "eu-central-1",
            "shop:size": "2",
            "shop:verbose": "false",
            "shop:label": "",
        });
        assert.deepEqual(loaded.declaredTypes, {
            "shop:size": "integer",
            "shop:verbose": "boolean",
            "shop:label": "string",
        });
    });

    it("lets the stack file override them, passes structured values as JSON and hides secure values", () => {
        const stackYaml = [
            "config:",
            "  aws:region: us-west-2",
            "  shop:size: 5",
            "  shop:verbose: true",
            "  aws:defaultTags:",
            "    tags:",
            "      team: web",
            "  shop:token:",
            "    secure: AAABAHiddenCipherText",
            "",
        ].join("\n");
        const loaded = loadStackConfig(project({ "Pulumi.yaml": projectYaml, "Pulumi.prod.yaml": stackYaml }), "prod");
        assert.equal(loaded.config["aws:region"], "us-west-2");
        assert.equal(loaded.config["shop:size"], "5");
        assert.equal(loaded.config["shop:verbose"], "true");
        assert.equal(loaded.config["aws:defaultTags"], '{"tags":{"team":"web"}}');
        assert.equal(loaded.config["shop:token"], "[secret]");
        assert.deepEqual(loaded.secretKeys, ["shop:token"]);
    });

    it("names the missing stack file and the stacks that exist", () => {
        const directory = project({
            "Pulumi.yaml": projectYaml,
            "Pulumi.dev.yaml": "config: {}\n",
            "Pulumi.prod.yaml": "config: {}\n",
        });
        assert.throws(
            () => loadStackConfig(directory, "staging"),
            (error: Error) =>
                error instanceof StackConfigError &&
                error.message ===
                    `${path.join(directory, "Pulumi.staging.yaml")} does not exist: no stack "staging" (known: dev, prod)`,
        );
    });

    it("names the file that is not valid YAML", () => {
        const directory = project({ "Pulumi.yaml": projectYaml, "Pulumi.dev.yaml": "config:\n  shop:size: [1,\n" });
        assert.throws(
            () => loadStackConfig(directory, "dev"),
            (error: Error) =>
                error instanceof StackConfigError &&
                error.message.startsWith(`${path.join(directory, "Pulumi.dev.yaml")} is not valid YAML: `),
        );
    });

    it("names the key whose stack value does not have its declared type", () => {
        const directory = project({ "Pulumi.yaml": projectYaml, "Pulumi.dev.yaml": "config:\n  shop:size: lots\n" });
        assert.throws(
            () => loadStackConfig(directory, "dev"),
            (error: Error) =>
                error instanceof StackConfigError &&
                error.message ===
                    `${path.join(directory, "Pulumi.dev.yaml")}: \`shop:size\` is "lots"; Pulumi.yaml declares it integer`,
        );
    });

    it("names a declared key that has no default and no stack value", () => {
        const required = `${projectYaml}  owner:\n    type: string\n    description: Who runs it.\n`;
        const directory = project({ "Pulumi.yaml": required, "Pulumi.dev.yaml": "config: {}\n" });
        assert.throws(
            () => loadStackConfig(directory, "dev"),
            (error: Error) =>
                error instanceof StackConfigError &&
                error.message.endsWith("no value for `shop:owner` (Pulumi.yaml gives no default)"),
        );
    });

    it("takes an object key of type object, and counts an object holding a secure value as a secret", () => {
        const objects = `${projectYaml}  mapping:\n    type: object\n    description: Names to values.\n    default: {}\n`;
        const stackYaml = [
            "config:",
            "  shop:mapping:",
            "    PLAIN: text",
            "    TOKEN:",
            "      secure: AAABAHiddenCipherText",
            "",
        ].join("\n");
        const loaded = loadStackConfig(project({ "Pulumi.yaml": objects, "Pulumi.dev.yaml": stackYaml }), "dev");
        assert.equal(loaded.config["shop:mapping"], '{"PLAIN":"text","TOKEN":"[secret]"}');
        assert.deepEqual(loaded.secretKeys, ["shop:mapping"]);
        assert.equal(loaded.declaredTypes["shop:mapping"], "object");
        const plain = loadStackConfig(project({ "Pulumi.yaml": objects, "Pulumi.dev.yaml": "config: {}\n" }), "dev");
        assert.deepEqual([plain.config["shop:mapping"], plain.secretKeys], ["{}", []]);
        assert.throws(
            () =>
                loadStackConfig(
                    project({ "Pulumi.yaml": objects, "Pulumi.dev.yaml": "config:\n  shop:mapping: x\n" }),
                    "dev",
                ),
            /`shop:mapping` is "x"; Pulumi.yaml declares it object$/,
        );
    });
});
