import { expect, test } from '@playwright/test'
import { field } from '../pages/field'
import { PortalApplicationsPage, signInCompany } from '../pages/portal-applications-page'

// 61611290 (Taipei): the Keelung firm's applications belong to other specs.
const form = {
  contactName: '線上申請測試', contactPhone: '03-3983456', contactMobile: '0922333444', contactEmail: 'online@beichen-broker.example',
  officeCode: 'CA', businessType: 'customs-broker', boxNo: 't12',
}

test.describe('online DC02 in the portal', () => {
  test('a signed-in company fills the DC02, signs it with its card, and finds it in its list', async ({ page }) => {
    await signInCompany(page, '61611290')
    const portal = new PortalApplicationsPage(page)
    await portal.openList()
    await expect(portal.fixedUbn()).toHaveValue('61611290')

    await portal.fillOnlineForm(form)
    await expect(field(page, 'field-ubn')).toHaveValue('61611290')
    // checked as it is typed: a wrong mobile is named on its field, and the message goes once fixed
    await field(page, 'field-contactMobile').fill('0212345678')
    await field(page, 'field-contactMobile').blur()
    await expect(page.getByTestId('portal-dc02-form')).toContainText('09 開頭')
    await field(page, 'field-contactMobile').fill(form.contactMobile)
    await expect(page.getByTestId('portal-dc02-form')).not.toContainText('09 開頭')

    const id = await portal.signAndSubmit('company-61611290')
    await expect(portal.status()).toContainText('00')
    const applicationNo = (await page.getByTestId('page-title').textContent())!.match(/CA\d+/)![0]
    await expect(page.getByTestId('portal-timeline')).toContainText('線上收件')

    await portal.openList()
    await expect(portal.table()).toContainText(applicationNo)
    await page.getByTestId(`portal-application-${applicationNo}`).click()
    await expect(page).toHaveURL(new RegExp(`/portal/applications/${id}$`))
  })
})
