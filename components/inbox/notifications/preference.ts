"use client";

/** The agent's opt-in, per browser (localStorage), shared by every tab through the storage event. */
import { useSyncExternalStore } from "react";

const KEY = "parley.inbox.notifications";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

const read = () => {
  try {
    return window.localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
};

export function setNotificationsEnabled(on: boolean) {
  try {
    window.localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}

export function useNotificationsEnabled(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
