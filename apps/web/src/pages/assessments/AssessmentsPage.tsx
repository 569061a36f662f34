import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useMe } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { CampaignSelect, useCampaignChoice } from '../../components/CampaignChoice';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { AssessmentPanel, RunAssessmentDialog } from './AssessmentView';
import type { AssessmentView } from './types';

/** A campaign's assessment (GET /campaigns/:id/assessment); the office runs it when there is none. */
export function AssessmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const choice = useCampaignChoice();
  const id = choice.campaignId;
  const [view, setView] = useState<AssessmentView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    setLoading(true);
    setView(null);
    setFailure(null);
    api
      .get<AssessmentView>(`/campaigns/${id}/assessment`)
      .then((answer) => live && setView(answer))
      .catch((error: unknown) => live && setFailure(error))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id]);

  const notAssessed = failure instanceof ApiError && failure.status === 404;
  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="assessments-page">
      <Typography.Title level={1} className="page-title">
        {t('assessments.title')}
      </Typography.Title>
      <Card>
        <CampaignSelect choice={choice} />
      </Card>
      {choice.error != null && <Alert type="error" showIcon title={errorText(choice.error, t)} />}
      {choice.options && choice.options.length === 0 && !choice.error && <Empty description={t('campaignChoice.none')} />}
      {loading && <Spin description={t('common.loading')} />}
      {failure != null && !notAssessed && <Alert type="error" showIcon title={errorText(failure, t)} role="alert" />}
      {notAssessed && id && (
        <Card>
          <Empty description={t('assessments.none')}>
            {me.role === 'office' && (
              <Button type="primary" onClick={() => setRunning(true)} data-testid="assessment-run">
                {t('assessments.run')}
              </Button>
            )}
          </Empty>
        </Card>
      )}
      {view && <AssessmentPanel view={view} onChange={setView} showLink />}
      {id && (
        <RunAssessmentDialog
          campaignId={id}
          open={running}
          onClose={() => setRunning(false)}
          onDone={(next) => {
            setRunning(false);
            setFailure(null);
            setView(next);
          }}
        />
      )}
    </Space>
  );
}

/** One assessment by its id (GET /assessments/:id): the link the finalisation e-mails and circulars use. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [view, setView] = useState<AssessmentView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api
      .get<AssessmentView>(`/assessments/${id}`)
      .then((answer) => live && setView(answer))
      .catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [id]);
  if (failure || !view) return <RecordPending error={failure} notFound={t('assessments.notFound')} />;
  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="assessments-page">
      <Typography.Title level={1} className="page-title">
        {t('assessments.title')}
      </Typography.Title>
      <AssessmentPanel view={view} onChange={setView} />
    </Space>
  );
}
