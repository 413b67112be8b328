// The key that encrypts the alarms' topic and its alias: kms (2014-11-01).
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/kms/";

/** KMS's tags: Pulumi's map as the API's list of {TagKey, TagValue} (the Tag shape of the kms model). */
function kmsTagList(value: unknown): { TagKey: string; TagValue: string }[] {
    return Object.entries(value as Record<string, string>).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

export const kmsMappings: Readonly<Record<string, ApiMapping>> = {
    [t.kmsKey]: {
        service: "kms",
        source:
            `${source}key.go: resourceKeyCreate (CreateKey), updateKeyRotationEnabled (EnableKeyRotation), ` +
            "updateKeyEnabled (DisableKey), resourceKeyDelete (ScheduleKeyDeletion)",
        inputs: {
            description: { operation: "CreateKey", member: "Description" },
            policy: { operation: "CreateKey", member: "Policy" },
            keyUsage: { operation: "CreateKey", member: "KeyUsage" },
            // The provider sends customer_master_key_spec as KeySpec, the member that replaced CustomerMasterKeySpec.
            customerMasterKeySpec: { operation: "CreateKey", member: "KeySpec" },
            multiRegion: { operation: "CreateKey", member: "MultiRegion" },
            customKeyStoreId: { operation: "CreateKey", member: "CustomKeyStoreId" },
            xksKeyId: { operation: "CreateKey", member: "XksKeyId" },
            bypassPolicyLockoutSafetyCheck: { operation: "CreateKey", member: "BypassPolicyLockoutSafetyCheck" },
            tags: { operation: "CreateKey", member: "Tags", toApi: kmsTagList },
            enableKeyRotation: {
                notSent: "chooses whether the provider calls EnableKeyRotation after CreateKey; it is no member",
            },
            rotationPeriodInDays: { operation: "EnableKeyRotation", member: "RotationPeriodInDays" },
            isEnabled: { notSent: "chooses whether the provider calls DisableKey after CreateKey; it is no member" },
            deletionWindowInDays: { operation: "ScheduleKeyDeletion", member: "PendingWindowInDays" },
        },
    },
    [t.kmsAlias]: {
        service: "kms",
        // No autoNamed: left unset, the provider names the alias itself from the prefix "alias/"
        // (resourceAliasCreate: create.Name(name, AliasNamePrefix)).
        source: `${source}alias.go: resourceAliasCreate (CreateAlias), resourceAliasUpdate (UpdateAlias)`,
        inputs: {
            name: { operation: "CreateAlias", member: "AliasName" },
            // create.Name appends terraform-plugin-sdk id.PrefixedUniqueId's 26 characters to the prefix.
            namePrefix: {
                operation: "CreateAlias",
                member: "AliasName",
                toApi: (prefix) => `${String(prefix)}${"0".repeat(26)}`,
            },
            targetKeyId: { operation: "CreateAlias", member: "TargetKeyId" },
        },
    },
};
