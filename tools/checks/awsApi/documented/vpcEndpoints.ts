// Which endpoint types take which CreateVpcEndpoint members, as its API reference marks them ("(Gateway endpoint)
// The route table IDs", "(Interface endpoint) ... security groups"); the model types them all for every endpoint.
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, RuleViolation } from "../documentedRule";

const source = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html";

const rule = "route tables only for a Gateway endpoint; subnets, security groups and private DNS not for one";

/** The endpoint's inputs of another endpoint type; `at` is where the endpoint sits in the resource's inputs. */
function wrongTypeInputs(endpoint: Record<string, unknown>, at: string): RuleViolation[] {
    // vpc_endpoint.go defaults vpc_endpoint_type to Gateway, and awsx passes a spec's type through unchanged.
    const type = typeof endpoint.vpcEndpointType === "string" ? endpoint.vpcEndpointType : "Gateway";
    const gateway = type === "Gateway";
    const given = (key: string) => {
        const value = endpoint[key];
        return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== false;
    };
    const wrong = gateway ? ["subnetIds", "securityGroupIds", "privateDnsEnabled"] : ["routeTableIds"];
    return wrong.filter(given).map((key) => ({
        input: `${at}${key}`,
        value: endpoint[key],
        detail: `vpcEndpointType ${type}`,
    }));
}

/** The same rule over the awsx VPC's endpoint specs, each the inputs of the aws.ec2.VpcEndpoint awsx creates. */
export const endpointSpecsRule: DocumentedRule = {
    rule,
    source,
    violations: (inputs) =>
        ((inputs.vpcEndpointSpecs as Record<string, unknown>[] | undefined) ?? []).flatMap((spec, i) =>
            wrongTypeInputs(spec, `vpcEndpointSpecs[${i}].`),
        ),
};

export const vpcEndpointRules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.vpcEndpoint]: [{ rule, source, violations: (inputs) => wrongTypeInputs(inputs, "") }],
};
