import { type MemberRole, memberRoles } from "@/db/schema/enum-values";

export { memberRoles };

export const roleDescriptions: Record<MemberRole, string> = {
  admin: "Everything, including members and settings",
  manager: "Approves content and campaigns, sees team workload",
  marketer: "Plans campaigns, works on tasks and content",
  viewer: "Reads everything, changes nothing",
};

export const roleLabels: Record<MemberRole, string> = {
  admin: "Admin",
  manager: "Manager",
  marketer: "Marketer",
  viewer: "Viewer",
};
