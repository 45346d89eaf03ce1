import { leaderboardProfileSchema, leaderboardSchema, type LeaderboardDto, type LeaderboardProfileBody, type LeaderboardProfileDto, type LEADERBOARD_WINDOWS } from '@marketswarm/shared/dto';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/http';

export type LeaderboardWindow = (typeof LEADERBOARD_WINDOWS)[number];

export const fetchLeaderboard = (window: LeaderboardWindow, signal?: AbortSignal): Promise<LeaderboardDto> =>
  getJson(`/api/leaderboard?window=${window}`, (b) => leaderboardSchema.parse(b), signal);

export const fetchLeaderboardProfile = (signal?: AbortSignal): Promise<LeaderboardProfileDto> => getJson('/api/leaderboard/profile', (b) => leaderboardProfileSchema.parse(b), signal);

export const putLeaderboardProfile = (body: LeaderboardProfileBody): Promise<LeaderboardProfileDto> => sendJson('PUT', '/api/leaderboard/profile', body, (b) => leaderboardProfileSchema.parse(b));

const KEY = ['leaderboard'] as const;

export function useLeaderboard(window: LeaderboardWindow) {
  return useQuery({ queryKey: [...KEY, 'board', window], queryFn: ({ signal }) => fetchLeaderboard(window, signal) });
}

export function useLeaderboardProfile() {
  return useQuery({ queryKey: [...KEY, 'profile'], queryFn: ({ signal }) => fetchLeaderboardProfile(signal) });
}

/** Opting in or out changes the board too (the caller's row comes or goes). */
export function useSaveLeaderboardProfile() {
  const client = useQueryClient();
  return useMutation({ mutationFn: putLeaderboardProfile, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}
