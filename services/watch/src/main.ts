// Placeholder replaced by the watch process (issue 16).
export {};
