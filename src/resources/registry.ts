// Every resource type the provider serves: ONE line per resource. Adding a resource is a folder under
// src/resources (schema.ts, validate.ts, model.ts, resource.ts, index.ts; see README "How to add a
// resource") and a line here; everything else (the provider's schema, cdktf bindings, docs, export,
// the drift report's names) is derived from the resource's declaration (src/resources/index.ts).
export { adminProfileResource } from './admin-profile';
export { adminUserResource } from './admin-user';
export { brandResource } from './brand';
export { certificateResource } from './certificate';
export { dataFlowServerResource } from './data-flow-server';
export { dealerResource } from './dealer';
export { dealerProfileResource } from './dealer-profile';
export { imServerResource } from './im-server';
export { ipRuleResource } from './ip-rule';
export { networkSettingsResource } from './network-settings';
export { notificationSettingsResource } from './notification-settings';
export { sbcSettingsResource } from './sbc-settings';
export { systemSettingsResource } from './system-settings';
export { tenantResource } from './tenant';
export { transportResource } from './transport';
export { trunkResource } from './trunk';
export { trunkAssignmentResource } from './trunk-assignment';
