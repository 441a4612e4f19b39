"use client";

import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import useSWR from "swr";
import type { LiveModel } from "@/server/public/live";

// Keeps the page current without a reload: SWR holds the live model (the server's copy is the fallback,
// so nothing shifts on hydration), revalidates when the live stream announces a new snapshot and on a
// slow interval. The browser sends the ETag it has, so an idle page costs 304s.

const KEY = "/api/public/live.json";
const LiveContext = createContext<LiveModel | null>(null);

async function fetchLive(url: string): Promise<LiveModel> {
  // "no-cache": always ask the server, sending the ETag (a 304 when nothing changed). Without it the
  // browser may answer from a stale copy under stale-while-revalidate, which is meant for CDNs.
  const res = await fetch(url, { cache: "no-cache", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`Live status unavailable (${res.status})`);
  return (await res.json()) as LiveModel;
}

export function LiveProvider({ fallback, children }: { fallback: LiveModel; children: ReactNode }) {
  const { data, mutate } = useSWR<LiveModel>(KEY, fetchLive, {
    fallbackData: fallback,
    revalidateOnMount: false,
    refreshInterval: 60_000,
    dedupingInterval: 500,
    keepPreviousData: true,
  });
  const etag = useRef(fallback.etag);
  const current = data?.etag ?? fallback.etag;
  useEffect(() => {
    etag.current = current;
  }, [current]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/stream");
    const onSnapshot = (event: MessageEvent<string>) => {
      try {
        const { etag: next } = JSON.parse(event.data) as { etag: string };
        if (next !== etag.current) void mutate();
      } catch {
        void mutate();
      }
    };
    source.addEventListener("snapshot", onSnapshot);
    return () => source.close();
  }, [mutate]);

  return <LiveContext.Provider value={data ?? fallback}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveModel {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive() needs a LiveProvider");
  return live;
}
