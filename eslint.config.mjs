// ESLint over every TypeScript and JavaScript file of the repository: the recommended and type-checked rules of
// typescript-eslint, and Pulumi's rules against an Output in a plain template literal (it would print
// "Calling [toString] on an [Output<T>] is not supported" instead of the value).
import js from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["build/", "node_modules/", "**/bin/", "**/obj/"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname } },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // node:test runs the suites its describe() and it() calls register; nothing awaits their promises.
            "@typescript-eslint/no-floating-promises": [
                "error",
                {
                    allowForKnownSafeCalls: [
                        { from: "package", package: "node:test", name: ["describe", "it", "before", "after"] },
                    ],
                },
            ],
        },
    },
    {
        // These read resource inputs as the mock engine recorded them: JSON whose shape is each provider type's own.
        // Snapshot tests, the checks' tests and the tests' assertions check what is read, not the type system.
        files: ["tools/plan/render/**/*.ts", "tools/mocks/awsModels.ts", "tests/**/*.ts", "tools/checks/**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            "@typescript-eslint/no-unsafe-call": "off",
        },
    },
    {
        // Tests print recorded values in their messages and stand in for async APIs with plain values.
        files: ["tests/**/*.ts"],
        rules: {
            "@typescript-eslint/restrict-template-expressions": "off",
            "@typescript-eslint/no-base-to-string": "off",
            "@typescript-eslint/require-await": "off",
        },
    },
    {
        // The policy pack builds with its own tsconfig and packages (policy/node_modules). Its policies read resource
        // properties as the engine sends them, JSON whose shape is each provider type's own; tests/policy checks
        // what they read.
        files: ["policy/**/*.ts"],
        languageOptions: { parserOptions: { project: "./policy/tsconfig.json", tsconfigRootDir: import.meta.dirname } },
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
        },
    },
    {
        files: ["**/*.cjs", "**/*.mjs"],
        ...tseslint.configs.disableTypeChecked,
    },
    {
        files: ["**/*.cjs"],
        languageOptions: {
            sourceType: "commonjs",
            globals: { require: "readonly", module: "writable", process: "readonly" },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
