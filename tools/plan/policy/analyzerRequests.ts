// What the Pulumi engine sends a policy pack about each resource, built from what the mock engine recorded:
// Analyze gets a resource's inputs, AnalyzeStack every resource's outputs with its parent, dependencies and property
// dependencies (pulumi/pulumi pkg/resource/deploy/step_generator.go: `Properties: inputs` for Analyze; "Unlike
// Analyze, AnalyzeStack is called on the final outputs of each resource").
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { RecordedResource } from "../../mocks/mockEngine";

/** A value as protobuf's Struct takes it: JSON, without the undefined members JSON drops too. */
export function struct(value: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** The name part of a URN, as the engine's `URN.Name()` gives it. */
function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

function options(resource: RecordedResource): analyzer.AnalyzerResourceOptions {
    return new analyzer.AnalyzerResourceOptions()
        .setProtect(resource.protect)
        .setIgnorechangesList(resource.ignoreChanges)
        .setAliasesList([])
        .setAdditionalsecretoutputsList([])
        .setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts())
        .setParent(resource.parent ?? "");
}

export function analyzeRequest(resource: RecordedResource): analyzer.AnalyzeRequest {
    return new analyzer.AnalyzeRequest()
        .setType(resource.type)
        .setName(nameOf(resource.urn))
        .setUrn(resource.urn)
        .setProperties(struct(resource.inputs))
        .setOptions(options(resource));
}

/**
 * A resource's outputs as the engine holds them: the AWS provider's outputs repeat the inputs and add the `id`
 * (the mocks' models return the rest); a component's are the outputs it registered.
 */
function outputs(resource: RecordedResource): Record<string, unknown> {
    return resource.custom ? { ...resource.inputs, ...resource.outputs, id: resource.id } : resource.outputs;
}

export function analyzeStackRequest(resources: readonly RecordedResource[]): analyzer.AnalyzeStackRequest {
    return new analyzer.AnalyzeStackRequest().setResourcesList(
        resources.map((resource) => {
            const request = new analyzer.AnalyzerResource()
                .setType(resource.type)
                .setName(nameOf(resource.urn))
                .setUrn(resource.urn)
                .setProperties(struct(outputs(resource)))
                .setOptions(options(resource))
                .setParent(resource.parent ?? "")
                .setDependenciesList(resource.dependencies);
            for (const [input, urns] of Object.entries(resource.propertyDependencies)) {
                request
                    .getPropertydependenciesMap()
                    .set(input, new analyzer.AnalyzerPropertyDependencies().setUrnsList(urns));
            }
            return request;
        }),
    );
}
