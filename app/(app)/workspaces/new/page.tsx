import { CreateWorkspaceForm } from "./_components/create-workspace-form";

export const metadata = { title: "New workspace" };

export default function NewWorkspacePage() {
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">New workspace</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        A workspace holds one team&apos;s campaigns, content and people. You&apos;ll be its admin.
      </p>
      <CreateWorkspaceForm />
    </div>
  );
}
