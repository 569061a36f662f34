import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Input, List, Progress, Space, Tabs, Tag, Timeline, Typography, Upload, message } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError, api, download, uploadFile } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import type { CommentView as DutyComment, DutyDetail, DutyTimelineEntry as TimelineEntry, EvidenceView as EvidenceFile } from '@duban/contracts';
import type { DutyAction } from '../../api/types';
import { errorText, fieldMessageText } from '../../components/api-errors';
import { formatDateTime } from '../../components/format';
import { actorText, escalationStepText, reasonText } from '../../components/history-words';
import { DutyStateTag } from '../../components/StateTag';
import { TONE } from '../../components/tones';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { DIALOG_ACTIONS, DutyActionDialog } from './DutyActionDialog';

/** A duty: what it asks, where it stands, what the caller may do, and everything that happened. */
export function DutyPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const [action, setAction] = useState<DutyAction | null>(null);
  const queryClient = useQueryClient();

  const record = useQuery({
    queryKey: queryKeys.record(`/duties/${id}`),
    queryFn: async ({ signal }) => {
      const [detail, entries, files, thread] = await Promise.all([
        api.get<DutyDetail>(`/duties/${id}`, undefined, signal),
        api.get<{ entries: TimelineEntry[] }>(`/duties/${id}/timeline`, undefined, signal),
        api.get<EvidenceFile[]>(`/duties/${id}/evidence`, undefined, signal),
        api.get<DutyComment[]>(`/duties/${id}/comments`, undefined, signal).catch(() => [] as DutyComment[]),
      ]);
      return { detail, timeline: entries.entries, evidence: files, comments: thread };
    },
  });
  const duty = record.data?.detail ?? null;
  const timeline = record.data?.timeline ?? [];
  const evidence = record.data?.evidence ?? [];
  const comments = record.data?.comments ?? [];
  const failure = record.error;
  const load = () => invalidate(queryClient, queryKeys.dutyChanged(id));

  if (failure || !duty) return <RecordPending error={failure} notFound={t('duty.notFound')} />;

  const actions = duty.allowedActions.filter((a) => DIALOG_ACTIONS.includes(a));
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap align="center">
            <Typography.Title level={1} className="page-title" data-testid="duty-title">
              {duty.title}
            </Typography.Title>
            <DutyStateTag state={duty.state} />
            {duty.overdue && <Tag color={TONE.danger}>{t('duty.overdue')}</Tag>}
            {duty.late && <Tag color={TONE.warning}>{t('duty.late')}</Tag>}
          </Space>
          <Space wrap data-testid="duty-actions">
            {actions.map((a) => (
              <Button key={a} type={a === 'submit' || a === 'accept' || a === 'acknowledge' ? 'primary' : 'default'} danger={a === 'cancel'} onClick={() => setAction(a)}>
                {label('dutyAction', a)}
              </Button>
            ))}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('duty.department')}>{duty.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('duty.dueAt')}>{formatDateTime(duty.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('duty.assignedAt')}>{formatDateTime(duty.assignedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('duty.returnCount')}>{duty.returnCount}</Descriptions.Item>
            {duty.closedAt && <Descriptions.Item label={t('duty.closedAt')}>{formatDateTime(duty.closedAt)}</Descriptions.Item>}
            {duty.overdueSince && <Descriptions.Item label={t('duty.overdue')}>{t('duty.overdueSince', { at: formatDateTime(duty.overdueSince) })}</Descriptions.Item>}
          </Descriptions>
          {duty.description.trim() && (
            <>
              <Typography.Title level={2} className="section-title">
                {t('duty.description')}
              </Typography.Title>
              <Typography.Paragraph className="pre-wrap">{duty.description}</Typography.Paragraph>
            </>
          )}
          {duty.result && (
            <>
              <Typography.Title level={2} className="section-title">
                {t('duty.result')}
              </Typography.Title>
              <Typography.Paragraph className="pre-wrap" data-testid="duty-result">
                {duty.result}
              </Typography.Paragraph>
            </>
          )}
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'timeline', label: t('duty.timeline'), children: <DutyTimeline entries={timeline} /> },
            { key: 'evidence', label: `${t('duty.evidence')} (${evidence.length})`, children: <DutyEvidence duty={duty} files={evidence} onChange={load} /> },
            { key: 'comments', label: `${t('duty.comments')} (${comments.length})`, children: <DutyComments duty={duty} comments={comments} onChange={load} /> },
          ]}
        />
      </Card>
      <DutyActionDialog
        duty={duty}
        action={action}
        evidence={evidence}
        onClose={() => setAction(null)}
        onDone={(done) => {
          setAction(null);
          void message.success(t('duty.actionDone', { action: label('dutyAction', done) }));
          void load();
        }}
      />
    </Space>
  );
}

function DutyTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, label } = useI18n();
  if (entries.length === 0) return <Empty description={t('common.empty')} />;
  const colour = (e: TimelineEntry) => (e.kind === 'escalation' ? 'red' : e.kind === 'transition' ? 'blue' : 'gray');
  return (
    <Timeline
      data-testid="duty-timeline"
      items={[...entries].reverse().map((e) => ({
        color: colour(e),
        children: (
          <div>
            <Space wrap>
              <Typography.Text strong>{e.kind === 'escalation' ? escalationStepText(e.what, t) : label('dutyAction', e.what)}</Typography.Text>
              {e.from && e.to && e.from !== e.to && <span>{t('duty.fromTo', { from: label('dutyState', e.from), to: label('dutyState', e.to) })}</span>}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · {actorText(e.who.username, t, e.who.role === 'system')}
              </Typography.Text>
            </Space>
            {e.fromDepartment && e.toDepartment && <div>{t('duty.movedDepartment', { from: e.fromDepartment.name ?? '', to: e.toDepartment.name ?? '' })}</div>}
            {e.why && <div className="pre-wrap">{reasonText(e.why, t, e.whyCode)}</div>}
            {typeof e.details.result === 'string' && <div className="pre-wrap">{e.details.result}</div>}
            {typeof e.details.text === 'string' && <div className="pre-wrap">{e.details.text}</div>}
            {typeof e.details.subject === 'string' && <div>{e.details.subject}</div>}
            {typeof e.details.fileName === 'string' && (
              <div>
                <PaperClipOutlined aria-hidden /> {e.details.fileName}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

function DutyEvidence({ duty, files, onChange }: { duty: DutyDetail; files: EvidenceFile[]; onChange(): Promise<void> }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <Space orientation="vertical" className="full-width">
      {duty.mayAddEvidence && (
        <Upload.Dragger
          name="file"
          multiple
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            const name = (file as File).name;
            setPercent(0);
            uploadFile(`/duties/${duty.id}/evidence`, file as File, setPercent)
              .then((answer) => {
                void message.success(t('duty.uploaded', { name }));
                onSuccess?.(answer);
                void onChange();
              })
              .catch((error: unknown) => {
                void message.error(t('duty.uploadFailed', { name, message: errorText(error, t) }));
                onError?.(error as Error);
              })
              .finally(() => setPercent(null));
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p>{t('duty.uploadEvidence')}</p>
          <p className="upload-hint">{t('duty.uploadHint')}</p>
        </Upload.Dragger>
      )}
      {percent !== null && <Progress percent={percent} />}
      <List
        data-testid="duty-evidence"
        locale={{ emptyText: t('duty.noEvidence') }}
        dataSource={files}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button key="download" type="link" onClick={() => void download(`/duties/${duty.id}/evidence/${f.id}`, undefined, f.fileName)}>
                {t('action.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={f.fileName}
              description={`${t('duty.fileSize', { size: Math.ceil(f.sizeBytes / 1024) })} · ${f.uploadedBy.username} · ${formatDateTime(f.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

function DutyComments({ duty, comments, onChange }: { duty: DutyDetail; comments: DutyComment[]; onChange(): Promise<void> }) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/duties/${duty.id}/comments`, { text });
      setText('');
      await onChange();
    } catch (error) {
      setFailure(error instanceof ApiError && error.fields.text ? error.fields.text.map((m) => fieldMessageText(m, t)).join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" className="full-width">
      <List
        locale={{ emptyText: t('duty.noComments') }}
        dataSource={comments}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={`${c.author.username} · ${label('role', c.author.role)} · ${formatDateTime(c.createdAt)}`}
              description={<span className="pre-wrap">{c.text}</span>}
            />
          </List.Item>
        )}
      />
      {duty.mayComment && (
        <>
          <Input.TextArea
            aria-label={t('duty.addComment')}
            rows={3}
            value={text}
            status={failure ? 'error' : undefined}
            placeholder={t('duty.commentPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          {failure && (
            <Typography.Text type="danger" role="alert">
              {failure}
            </Typography.Text>
          )}
          <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void send()}>
            {t('duty.addComment')}
          </Button>
        </>
      )}
    </Space>
  );
}
