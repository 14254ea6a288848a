// Questionnaire summaries and details (server/api_surveys.cc).
import type { Definition, Wording } from './survey-form'

export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed'
export const SURVEY_STATUSES: SurveyStatus[] = ['draft', 'scheduled', 'open', 'closed']

export interface SurveySummary {
  id: string
  title: Wording
  state: string // draft | published | closed (stored)
  status: SurveyStatus // as of now
  version: number
  opens_at: string
  closes_at: string
  attach_items: string[]
  questions: number
  created_by: string
  created_at: string
  published_by: string
  published_at: string | null
  closed_by: string
  closed_at: string | null
}

export interface SurveyDetail extends SurveySummary {
  definition: Definition
  versions: { version: number; created_by: string; created_at: string; opens_at: string; closes_at: string }[]
}

export const STATUS_TAG: Record<SurveyStatus, 'info' | 'warning' | 'success' | 'danger'> = {
  draft: 'info', scheduled: 'warning', open: 'success', closed: 'danger',
}
