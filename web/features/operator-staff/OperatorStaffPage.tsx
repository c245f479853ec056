import { Alert, Anchor, Badge, Button, Card, Group, Switch, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { useSession } from '../../app/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { InviteOperatorDialog, RolesDialog, type StaffMember, staffChanged } from './RoleDialogs.tsx';

const statusColor = { invited: 'blue', active: 'green', disabled: 'gray' } as const;

/** Issue 16: the provider's staff with their roles; operator admins invite, change roles and disable. */
export function OperatorStaffPage() {
  const { t } = useTranslation();
  const holds = useOperatorRole();
  const isAdmin = holds('admin');
  const { operator } = useSession();
  const queryClient = useQueryClient();
  const { data, error, isPending } = api.useQuery('get', '/api/v1/operator/operators');
  const resend = api.useMutation('post', '/api/v1/operator/operators/{operatorId}/invitation');
  const disable = api.useMutation('post', '/api/v1/operator/operators/{operatorId}/disable');
  const enable = api.useMutation('post', '/api/v1/operator/operators/{operatorId}/enable');
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [disabling, setDisabling] = useState<StaffMember | null>(null);
  const [disableOpen, setDisableOpen] = useState(false);
  const [rowError, setRowError] = useState<string | null>(null);
  const focus = useReturnFocus();

  const act = async (done: string, call: () => Promise<unknown>) => {
    setRowError(null);
    try {
      await call();
      void staffChanged(queryClient);
      notifyDone(done);
    } catch (caught) {
      setRowError(asApiError(caught).message);
    }
  };
  const path = (member: StaffMember) => ({ params: { path: { operatorId: member.id } } });

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('operatorStaff.title')}</PageTitle>
        {isAdmin && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => {
              focus.remember();
              setInviting(true);
            }}
          >
            {t('operatorStaff.invite')}
          </Button>
        )}
      </Group>
      <Text mb="md">{t(isAdmin ? 'operatorStaff.intro' : 'operatorStaff.readOnly')}</Text>
      <TwoFactorPolicyCard editable={isAdmin} />
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {rowError && <ErrorAlert message={rowError} />}
      {data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('operatorStaff.caption')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('operatorStaff.name')}</Table.Th>
                <Table.Th>{t('operatorStaff.email')}</Table.Th>
                <Table.Th>{t('operatorStaff.roles')}</Table.Th>
                <Table.Th>{t('operatorStaff.status')}</Table.Th>
                <Table.Th>{t('operatorStaff.twoFactor')}</Table.Th>
                {isAdmin && <Table.Th>{t('operatorStaff.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    {member.roles.map((role) => t(`operatorRoles.${role}.name`)).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[member.status]} variant="light">
                      {t(`operatorStaff.statuses.${member.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {t(member.twoFactor ? 'operatorStaff.twoFactorOn' : 'operatorStaff.twoFactorOff')}
                  </Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('operatorStaff.changeRolesOf', { name: member.name })}
                          onClick={() => {
                            focus.remember();
                            setEditing(member);
                            setEditOpen(true);
                          }}
                        >
                          {t('operatorStaff.changeRoles')}
                        </Button>
                        {member.status === 'invited' && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('operatorStaff.resendTo', { name: member.name })}
                            onClick={() =>
                              void act(t('operatorStaff.resent', { email: member.email }), () =>
                                resend.mutateAsync(path(member)),
                              )
                            }
                          >
                            {t('operatorStaff.resend')}
                          </Button>
                        )}
                        {member.status === 'disabled' ? (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('operatorStaff.enableOf', { name: member.name })}
                            onClick={() =>
                              void act(t('operatorStaff.enabled', { name: member.name }), () =>
                                enable.mutateAsync(path(member)),
                              )
                            }
                          >
                            {t('operatorStaff.enable')}
                          </Button>
                        ) : (
                          member.id !== operator?.id && (
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              aria-label={t('operatorStaff.disableOf', { name: member.name })}
                              onClick={() => {
                                focus.remember();
                                setDisabling(member);
                                setDisableOpen(true);
                              }}
                            >
                              {t('operatorStaff.disable')}
                            </Button>
                          )
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <InviteOperatorDialog
        opened={inviting}
        onClose={() => setInviting(false)}
        onExitTransitionEnd={focus.returnFocus}
      />
      <RolesDialog
        member={editing}
        opened={editOpen}
        onClose={() => setEditOpen(false)}
        onExitTransitionEnd={() => {
          setEditing(null);
          focus.returnFocus();
        }}
      />
      <ConfirmDialog
        opened={disableOpen}
        title={t('operatorStaff.disableTitle', { name: disabling?.name ?? '' })}
        confirmLabel={t('operatorStaff.disable')}
        danger
        onConfirm={async () => {
          if (!disabling) return;
          await disable.mutateAsync(path(disabling));
          void staffChanged(queryClient);
          notifyDone(t('operatorStaff.disabled', { name: disabling.name }));
          setDisableOpen(false);
        }}
        onClose={() => setDisableOpen(false)}
        onExitTransitionEnd={focus.returnFocus}
      >
        {t('operatorStaff.disableText')}
      </ConfirmDialog>
    </>
  );
}

/** Whether every operator must sign in with a second factor; admins switch it, everyone sees it. */
function TwoFactorPolicyCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = api.useQuery('get', '/api/v1/operator/two-factor-policy');
  const save = api.useMutation('put', '/api/v1/operator/two-factor-policy');
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  if (!data) return null;
  const change = async (required: boolean) => {
    setProblem(null);
    try {
      await save.mutateAsync({ body: { required } });
      await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/two-factor-policy'] });
      void staffChanged(queryClient);
      notifyDone(t(required ? 'operatorStaff.policyOn' : 'operatorStaff.policyOff'));
    } catch (caught) {
      setProblem(asApiError(caught));
    }
  };
  return (
    <Card withBorder mb="lg">
      <Switch
        checked={data.required}
        disabled={!editable || save.isPending}
        onChange={(event) => void change(event.currentTarget.checked)}
        label={t('operatorStaff.policyLabel')}
        description={t('operatorStaff.policyHint')}
      />
      {problem && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {problem.message}{' '}
          {problem.code === 'OPERATOR_TWO_FACTOR_FIRST' && (
            <Anchor
              component={Link}
              to="/operator/two-factor"
              inherit
              c="inherit"
              underline="always"
              fw={600}
            >
              {t('operatorStaff.policySetUpOwn')}
            </Anchor>
          )}
        </Alert>
      )}
    </Card>
  );
}
