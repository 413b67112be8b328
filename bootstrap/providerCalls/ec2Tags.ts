// How terraform-provider-aws tags EC2 resources: TagSpecifications in the creating call, which EC2 authorizes as
// ec2:CreateTags with ec2:CreateAction naming that call (EC2 User Guide, "Grant permission to tag Amazon EC2
// resources during creation"); tags come back in each Describe* answer; a tag change is CreateTags and DeleteTags
// (internal/service/ec2/tags.go, updateTags).
import { type ApiCall, type ResourceRef, created, owned, requiring, tags, withTags } from "./types";

/** The creating call, with the stack's tags in its TagSpecifications, and the ec2:CreateTags it implies. */
export function ec2Create(createCall: ApiCall, ref: ResourceRef): ApiCall[] {
    const action = createCall.action.replace(/^ec2:/, "");
    return [
        withTags(createCall),
        requiring(tags("ec2:CreateTags", "create", created(ref)), { "ec2:CreateAction": action }),
    ];
}

/** Tag changes on a resource the stack owns. */
export function ec2TagUpdates(ref: ResourceRef): ApiCall[] {
    return [tags("ec2:CreateTags", "update", owned(ref)), tags("ec2:DeleteTags", "update", owned(ref))];
}
