// The configuration the engine hands a pack before analysis (pulumi/pulumi pkg/resource/analyzer/config.go,
// ReconcilePolicyPackConfig): each policy's enforcement level and the defaults of its config schema, then the
// pack's own initial config, then the user's (--policy-pack-config); "all" sets every policy's level.
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { struct } from "./analyzerRequests";

export interface PolicyConfig {
    enforcementLevel: analyzer.EnforcementLevel;
    properties: Record<string, unknown>;
}

export function reconcilePackConfig(
    info: analyzer.AnalyzerInfo,
    userConfig: Readonly<Record<string, Partial<PolicyConfig>>> = {},
): Map<string, PolicyConfig> {
    const result = new Map<string, PolicyConfig>();
    for (const policy of info.getPoliciesList()) {
        const schema = (policy.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<
            string,
            { default?: unknown }
        >;
        const defaults = Object.entries(schema).filter(([, property]) => property.default !== undefined);
        result.set(policy.getName(), {
            enforcementLevel: policy.getEnforcementlevel(),
            properties: Object.fromEntries(defaults.map(([key, property]) => [key, property.default])),
        });
    }
    const initial: Record<string, Partial<PolicyConfig>> = {};
    info.getInitialconfigMap().forEach((config, name) => {
        initial[name] = {
            enforcementLevel: config.getEnforcementlevel(),
            properties: config.getProperties()?.toJavaScript() ?? {},
        };
    });
    for (const layer of [initial, userConfig]) {
        const all = layer.all?.enforcementLevel;
        if (all !== undefined) {
            for (const config of result.values()) {
                config.enforcementLevel = all;
            }
        }
        for (const [name, given] of Object.entries(layer).filter(([key]) => key !== "all")) {
            const current = result.get(name) ?? {
                enforcementLevel: analyzer.EnforcementLevel.ADVISORY,
                properties: {},
            };
            result.set(name, {
                enforcementLevel: given.enforcementLevel ?? current.enforcementLevel,
                properties: { ...current.properties, ...given.properties },
            });
        }
    }
    return result;
}

export function configureRequest(config: ReadonlyMap<string, PolicyConfig>): analyzer.ConfigureAnalyzerRequest {
    const request = new analyzer.ConfigureAnalyzerRequest();
    for (const [name, { enforcementLevel, properties }] of config) {
        request
            .getPolicyconfigMap()
            .set(
                name,
                new analyzer.PolicyConfig().setEnforcementlevel(enforcementLevel).setProperties(struct(properties)),
            );
    }
    return request;
}
