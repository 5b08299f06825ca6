/** The form pusher-js posts to POST /api/realtime/auth, validated at the boundary. */
import { z } from "zod";

export const channelAuthRequestSchema = z.object({
  // Pusher's socket ids are "<digits>.<digits>".
  socket_id: z.string().regex(/^\d{1,20}\.\d{1,20}$/),
  channel_name: z.string().min(1).max(164),
});

export type ChannelAuthRequest = z.infer<typeof channelAuthRequestSchema>;

/** The form of pusher-js's signin() (POST /api/realtime/user-auth). */
export const signinRequestSchema = z.object({ socket_id: channelAuthRequestSchema.shape.socket_id });
