import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import type { AssessmentView } from '@duban/contracts';
import { ApiError } from '../../api/client';
import { apiQuery } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { CampaignSelect, useCampaignChoice } from '../../components/CampaignChoice';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { AssessmentPanel, RunAssessmentDialog, useAssessmentChanged } from './AssessmentView';

/** A campaign's assessment (GET /campaigns/:id/assessment); the office runs it when there is none. */
export function AssessmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const choice = useCampaignChoice();
  const id = choice.campaignId;
  const [running, setRunning] = useState(false);
  const changed = useAssessmentChanged();
  const assessment = useQuery({ ...apiQuery<AssessmentView>(`/campaigns/${id ?? ''}/assessment`), enabled: Boolean(id) });
  const view = id ? (assessment.data ?? null) : null;
  // A failed look again keeps the assessment shown; a first answer that failed (404: none yet) is shown.
  const failure: unknown = id && !view ? assessment.error : null;
  const loading = Boolean(id) && assessment.isLoading;

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
      {view && <AssessmentPanel view={view} showLink />}
      {id && (
        <RunAssessmentDialog
          campaignId={id}
          open={running}
          onClose={() => setRunning(false)}
          onDone={(next) => {
            setRunning(false);
            changed(next);
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
  const assessment = useQuery(apiQuery<AssessmentView>(`/assessments/${id}`));
  const view = assessment.data ?? null;
  if (!view) return <RecordPending error={assessment.error} notFound={t('assessments.notFound')} />;
  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="assessments-page">
      <Typography.Title level={1} className="page-title">
        {t('assessments.title')}
      </Typography.Title>
      <AssessmentPanel view={view} />
    </Space>
  );
}
