"use client";

import { useEffect, useEffectEvent } from "react";
import type { ChangeTopic } from "@/server/realtime/publish-change";
import { followLiveChanges, type LiveChange } from "./live-connection";

export type { LiveChange };

/**
 * Calls `onChange` for every change to `topic` in the member's workspace, made
 * by anyone (this person's other tabs included), as it commits; and with
 * `everything: true` when changes may have been missed (after a lost connection).
 * `onChange` may change between renders; the connection stays.
 */
export function useLiveChanges(topic: ChangeTopic, onChange: (change: LiveChange) => void): void {
  const handle = useEffectEvent(onChange);
  useEffect(() => followLiveChanges(topic, (change) => handle(change)), [topic]);
}
