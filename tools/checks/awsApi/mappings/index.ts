// Every resource type the check knows how to send to AWS, by type token.
import { ApiMapping } from "../apiMapping";
import { ec2Mappings } from "./ec2";
import { ecsMappings } from "./ecs";
import { imageMappings } from "./image";
import { kmsMappings } from "./kms";
import { elbv2Mappings } from "./elbv2";
import { securityGroupMappings } from "./securityGroups";
import { serviceMappings } from "./services";
import { edgeMappings } from "./edge";
import { operationsMappings } from "./operations";
import { vpcEndpointMappings } from "./vpcEndpoints";

export const apiMappings: Readonly<Record<string, ApiMapping>> = {
    ...ec2Mappings,
    ...ecsMappings,
    ...elbv2Mappings,
    ...securityGroupMappings,
    ...serviceMappings,
    ...edgeMappings,
    ...operationsMappings,
    ...imageMappings,
    ...kmsMappings,
    ...vpcEndpointMappings,
};
