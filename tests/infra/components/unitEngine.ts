// The mock engine of a component test file: set once per file (Pulumi's runtime is per process, and node --test runs
// each file in a process of its own), then every test builds its own instance of the component with its own
// arguments, as pulumi-awsx's fargateService.test.ts does.
import * as pulumi from "@pulumi/pulumi";
import { MockEngine } from "../../../tools/mocks/mockEngine";
import { Declared } from "../stackRun";

export const region = "us-east-1";
export const engine = new MockEngine({ project: "fargate-service", stack: "unit", config: { "aws:region": region } });

/** Everything `component` declared, once its registrations have been answered. */
export async function declaredBy(component: pulumi.ComponentResource): Promise<Declared> {
    return new Declared(await engine.descendantsOf(component), engine.calls);
}
