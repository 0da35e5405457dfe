// Saved views (issue 11): a person's own named filters and sorts of a list, kept on the server, and
// those others shared with a role they hold, as tabs after the list's built-in ones (ViewTabs).
// "Save view" keeps the list's current filter and sort; the owner renames, shares or deletes the
// view on from its tab's menu.
import BookmarkAddIcon from '@mui/icons-material/BookmarkAddOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import SharedIcon from '@mui/icons-material/GroupOutlined';
import { Badge, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Menu, MenuItem, Stack, Tab, TextField, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useListContext, usePermissions } from 'react-admin';
import { SAVED_VIEW_LIMITS } from '../../../api/contract/saved-views';
import { apiFieldErrors, dataProvider } from '../dataProvider';
import { useT } from '../i18n/useT';
import { ROLES, type Role, type SavedView, type SavedViewResource } from '../types';
import { useCommand } from './useCommand';
import { useCount } from './useCount';

export const savedTabValue = (view: SavedView) => `saved:${view.id}`;

/** A list's saved views, as GET /api/saved-views answers them (refetched by useCommand's refresh). */
export function useSavedViews(resource: string): SavedView[] {
  const { data } = useQuery({ queryKey: ['saved-views', resource], queryFn: () => dataProvider.listSavedViews(resource), staleTime: 30_000 });
  return data ?? [];
}

const canonical = (value: unknown): string =>
  JSON.stringify(value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value);

/** The saved view the list shows now: the same filter, and its sort when it has one. */
export function currentSavedView(views: SavedView[], filter: object, sort: { field: string; order: string }): SavedView | undefined {
  return views.find((view) => canonical(view.filter) === canonical(filter) && (!view.sort || (view.sort.field === sort.field && view.sort.order === sort.order)));
}

const sharedNote = (view: SavedView, t: ReturnType<typeof useT>) =>
  view.mine ? t('app.views.you_share', { role: view.sharedWithRole }) : t('app.views.shared_by', { owner: view.owner.name, role: view.sharedWithRole });

/**
 * A saved view's tab: its name, how many records it holds, and who shared it. Props from Tabs pass
 * through to the Tab. Its name is cased as the built-in tabs' labels are (MUI's tabs set them in
 * capitals), so a view named in lower case does not stand out from them.
 */
export const SavedViewTab = ({ view, refreshMs, ...tabProps }: { view: SavedView; refreshMs?: number; value: string }) => {
  const { resource } = useListContext();
  const t = useT();
  const { total } = useCount(resource, view.filter, refreshMs);
  return (
    <Tab
      {...tabProps}
      label={
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          {view.sharedWithRole && (
            <Tooltip title={sharedNote(view, t)}>
              <SharedIcon fontSize="small" titleAccess={sharedNote(view, t)} />
            </Tooltip>
          )}
          <Badge badgeContent={total} color="primary" max={999} showZero sx={{ '& .MuiBadge-badge': { right: -14 } }}>
            {view.name}
          </Badge>
        </Stack>
      }
      sx={{ pr: 4 }}
    />
  );
};

/** The roles a person may share with: their own, any for managers and admins. */
function useShareRoles(): Role[] {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  return roles.includes('manager') || roles.includes('admin') ? [...ROLES] : ROLES.filter((role) => roles.includes(role));
}

type ViewForm = { name: string; sharedWithRole: Role | null };

/** Name and "Share with": to save the list as it is, or to rename and share a view of one's own. */
const ViewDialog = ({
  title,
  confirm,
  initial,
  onSubmit,
  onClose,
}: {
  title: string;
  confirm: string;
  initial: ViewForm;
  onSubmit: (form: ViewForm) => Promise<{ ok: boolean; error?: unknown }>;
  onClose: () => void;
}) => {
  const roles = useShareRoles();
  const t = useT();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const name = form.name.trim();
  const tooLong = name.length > SAVED_VIEW_LIMITS.name ? t('app.common.too_long', { max: SAVED_VIEW_LIMITS.name, now: name.length }) : undefined;
  const submit = async () => {
    setPending(true);
    const outcome = await onSubmit({ ...form, name });
    setPending(false);
    if (outcome.ok) return onClose();
    setErrors(Object.fromEntries(apiFieldErrors(outcome.error).map((f) => [f.field, f.message])));
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('app.views.name')}
              name="name"
              required
              autoFocus
              fullWidth
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              error={!!(errors.name ?? tooLong)}
              helperText={errors.name ?? tooLong ?? t('app.views.name_hint')}
            />
            <TextField
              select
              label={t('app.views.share_with')}
              name="sharedWithRole"
              fullWidth
              value={form.sharedWithRole ?? ''}
              onChange={(e) => setForm({ ...form, sharedWithRole: (e.target.value || null) as Role | null })}
              error={!!errors.sharedWithRole}
              helperText={errors.sharedWithRole ?? t('app.views.share_hint')}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            >
              <MenuItem value="">{t('app.views.only_me')}</MenuItem>
              {roles.map((role) => (
                <MenuItem key={role} value={role}>
                  {t('app.views.everyone_with', { role })}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('app.common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending || !name || !!tooLong}>
            {confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** "Save view" for the list as it is, and the owner's menu on a saved view of theirs that is showing. */
export const SavedViewActions = ({ current }: { current: SavedView | undefined }) => {
  const { resource, filterValues, sort } = useListContext();
  const { run } = useCommand();
  const t = useT();
  const [dialog, setDialog] = useState<'save' | 'edit' | 'delete' | null>(null);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  // One key per dialog opened: a double click or a retry saves one view.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const own = current?.mine ? current : undefined;
  const close = () => setDialog(null);
  const pick = (next: 'edit' | 'delete') => () => {
    setMenu(null);
    setDialog(next);
  };
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', py: 0.5 }}>
      <Button
        size="small"
        startIcon={<BookmarkAddIcon />}
        onClick={() => {
          setKey(crypto.randomUUID());
          setDialog('save');
        }}
      >
        {t('app.views.save_view')}
      </Button>
      {own && (
        <>
          <IconButton size="small" aria-label={t('app.views.options', { name: own.name })} aria-haspopup="menu" onClick={(e) => setMenu(e.currentTarget)}>
            <MoreVertIcon fontSize="small" />
          </IconButton>
          <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
            <MenuItem onClick={pick('edit')}>{t('app.views.rename_or_share')}</MenuItem>
            {own.sharedWithRole && (
              <MenuItem
                onClick={() => {
                  setMenu(null);
                  void run((api) => api.changeSavedView(own.id, { sharedWithRole: null }), t('app.views.yours_again', { name: own.name }));
                }}
              >
                {t('app.views.stop_sharing')}
              </MenuItem>
            )}
            <MenuItem onClick={pick('delete')} sx={{ color: 'error.main' }}>
              {t('app.views.delete')}
            </MenuItem>
          </Menu>
        </>
      )}
      {dialog === 'save' && (
        <ViewDialog
          title={t('app.views.save_title')}
          confirm={t('app.views.save')}
          initial={{ name: '', sharedWithRole: null }}
          onClose={close}
          onSubmit={(form) =>
            run((api) => api.saveView({ resource: resource as SavedViewResource, name: form.name, filter: filterValues, sort: { field: sort.field, order: sort.order }, sharedWithRole: form.sharedWithRole }, key), t('app.views.saved', { name: form.name }))
          }
        />
      )}
      {dialog === 'edit' && own && (
        <ViewDialog
          title={t('app.views.rename_title', { name: own.name })}
          confirm={t('app.views.save_changes')}
          initial={{ name: own.name, sharedWithRole: own.sharedWithRole }}
          onClose={close}
          onSubmit={(form) => run((api) => api.changeSavedView(own.id, form), t('app.views.changed'))}
        />
      )}
      <Confirm
        isOpen={dialog === 'delete' && !!own}
        title={t('app.views.delete_title', { name: own?.name ?? '' })}
        content={own?.sharedWithRole ? t('app.views.delete_shared', { role: own.sharedWithRole }) : t('app.views.delete_private')}
        confirm={t('app.views.delete_confirm')}
        confirmColor="warning"
        onConfirm={async () => {
          if (own) await run((api) => api.deleteSavedView(own.id), t('app.views.deleted', { name: own.name }));
          close();
        }}
        onClose={close}
      />
    </Stack>
  );
};
