/**
 * The media header of a template send: one of the workspace's uploaded attachments, by id, as its
 * Meta media id and file name — null when it is another workspace's, not uploaded to Meta yet, or
 * gone. One resolver per send or per campaign run: each id is read once however many recipients
 * share it.
 */
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import type { MediaResolver } from "@/lib/services/inbox/template-send";

export function workspaceMediaResolver(scope: TenantScope): MediaResolver {
  const cache = new Map<string, ReturnType<MediaResolver>>();
  return (id) => {
    let found = cache.get(id);
    if (!found) {
      found = tenantDb(scope)
        .media.findFirst({ where: { id, workspaceId: scope.workspaceId, direction: "outbound", status: "stored" }, select: { metaMediaId: true, filename: true } })
        .then((media) => (media?.metaMediaId ? { metaMediaId: media.metaMediaId, fileName: media.filename } : null));
      cache.set(id, found);
    }
    return found;
  };
}
